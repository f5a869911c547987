import { ClientError } from "./errors.js";
import type { Setting, SettingSource } from "./settings.js";
import { typeName } from "./type-name.js";

// A Region is one DNS label: the endpoint rules put it into the host name, so anything else
// (`evil.com#`, `a.b`, `[::1]`, `%2F`) could move a signed request to another host. The SDKs
// check the same (smithy `isValidHostLabel`, as `checkRegion` in @smithy/config-resolver).
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A region and where it was found. */
export type RegionSetting = Setting<string>;

export function isValidRegion(region: string): boolean {
  return HOST_LABEL.test(region);
}

/**
 * Returns `region` when it is a valid Region name, else throws naming where it came from, not
 * what it was: a value from the environment or a file is not repeated into logs.
 */
export function checkRegion(region: string, source: SettingSource): string {
  if (typeof region === "string" && isValidRegion(region)) return region;
  const what = typeof region === "string" ? "an invalid AWS Region" : `${typeName(region)} as the AWS Region`;
  throw new ClientError(
    "config",
    `${what} from ${source}: expected a Region name such as "us-east-1" ` +
      "(letters, digits and hyphens, at most 63 characters)",
  );
}
