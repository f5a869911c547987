import { profileSettings, type SharedConfig } from "@lanyard/credentials/config";
import { configError } from "./errors.js";
import type { Env } from "./io.js";

/** The profile the user selected: `--profile`, else AWS_PROFILE; undefined means `default`, optional. */
export function selectedProfile(profile: string | undefined, env: Env): string | undefined {
  return profile || env.AWS_PROFILE || undefined;
}

/**
 * A profile named on the command line or in AWS_PROFILE must exist, as in the AWS CLI
 * ("The config profile could not be found"); the SDKs' chain would go on to other sources and
 * could answer with a different identity than the one asked for.
 */
export function checkProfile(config: SharedConfig, profile: string | undefined, env: Env): void {
  const name = selectedProfile(profile, env);
  // profileSettings is undefined exactly when neither file has a section for the profile.
  if (name !== undefined && profileSettings(config, name) === undefined) {
    throw configError(
      `profile "${name}" is not in ${config.files.config} or ${config.files.credentials}`,
      profile ? "check --profile" : "check AWS_PROFILE",
    );
  }
}
