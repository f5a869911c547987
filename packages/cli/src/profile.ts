import { loadSharedConfig, type SharedConfig, sharedFilePaths } from "@lanyard/credentials/config";
import { configError } from "./errors.js";
import type { Env } from "./io.js";

/** The profile the user selected: `--profile`, else AWS_PROFILE; undefined means `default`, optional. */
export function selectedProfile(profile: string | undefined, env: Env): string | undefined {
  return profile || env.AWS_PROFILE || undefined;
}

export function hasProfile(config: SharedConfig, name: string): boolean {
  return Object.hasOwn(config.profiles, name) || Object.hasOwn(config.credentials, name);
}

/**
 * A profile named on the command line or in AWS_PROFILE must exist, as in the AWS CLI
 * ("The config profile could not be found"); the SDKs' chain would go on to other sources and
 * could answer with a different identity than the one asked for.
 */
export async function checkProfile(profile: string | undefined, env: Env): Promise<SharedConfig> {
  const config = await loadSharedConfig({ env: env as Record<string, string | undefined> });
  const name = selectedProfile(profile, env);
  if (name !== undefined && !hasProfile(config, name)) {
    const paths = sharedFilePaths({ env: env as Record<string, string | undefined> });
    throw configError(
      `profile "${name}" is not in ${paths.config} or ${paths.credentials}`,
      profile ? "check --profile" : "check AWS_PROFILE",
    );
  }
  return config;
}
