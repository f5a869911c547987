import {
  describeSource,
  resolveHome,
  type SharedConfig,
  settingsFromConfig,
} from "@lanyard/credentials/config";
import { checkRegion } from "@lanyard/sts-client";
import type { Env } from "./io.js";
import { selectedProfile } from "./profile.js";

/**
 * What STS is reached with when nothing names a Region: the AWS CLI's global STS endpoint and
 * the SDKs' role calls (aws-sdk-js-v3 ASSUME_ROLE_DEFAULT_REGION) both sign in us-east-1.
 */
export const DEFAULT_REGION = "us-east-1";

/** A Region and where the user set it. */
export interface RegionChoice {
  value: string;
  source: string;
}

/** `--region`, AWS_REGION, AWS_DEFAULT_REGION (read by the AWS CLI), the profile's `region`, us-east-1. */
export function chooseRegion(
  options: { profile?: string | undefined; region?: string | undefined },
  env: Env,
  config: SharedConfig,
): RegionChoice {
  if (options.region) return { value: options.region, source: "--region" };
  for (const variable of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const value = env[variable];
    if (value) return { value, source: `environment variable ${variable}` };
  }
  // The variables were read above: only the profile's own values are asked for. Its other
  // settings are checked on the way, as the client checks them before its first call.
  const home = resolveHome({}, env);
  const settings = settingsFromConfig(config, {
    profile: selectedProfile(options.profile, env),
    env: {},
    home,
  });
  if (settings.region === undefined) return { value: DEFAULT_REGION, source: "the default" };
  return { value: settings.region.value, source: describeSource(settings.region.source, home) };
}

/**
 * The Region, checked by the client's own rule here because the client is handed it as an option
 * and would blame `--region` for a bad AWS_REGION or profile `region`; the value is not repeated.
 */
export function checkedRegion(choice: RegionChoice): string {
  return checkRegion(choice.value, choice.source);
}
