import { ClientError } from "./errors.js";
import type { Setting, SettingSource } from "./settings.js";

// A Region is one DNS label: the endpoint rules put it into the host name, so anything else
// (`evil.com#`, `a.b`, `[::1]`, `%2F`) could move a signed request to another host. The SDKs
// check the same (smithy `isValidHostLabel`, as `checkRegion` in @smithy/config-resolver).
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A region and where it was found. */
export type RegionSetting = Setting<string>;

/** A short, printable rendering of a rejected value: quoted, control characters escaped, capped. */
export function shownValue(value: string): string {
  const shown = JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  return shown.replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function isValidRegion(region: string): boolean {
  return HOST_LABEL.test(region);
}

/** Returns `region` when it is a valid Region name, else throws naming where it came from. */
export function checkRegion(region: string, source: SettingSource): string {
  if (typeof region === "string" && isValidRegion(region)) return region;
  const shown = typeof region === "string" ? shownValue(region) : typeof region;
  throw new ClientError(
    "config",
    `invalid AWS Region ${shown} from ${source}: expected a Region name such as "us-east-1" ` +
      "(letters, digits and hyphens, at most 63 characters)",
  );
}
