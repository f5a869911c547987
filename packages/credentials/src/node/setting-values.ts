import { parseHttpUrl } from "./http-url.js";
import {
  envValue,
  invalidSetting,
  profileValue,
  type RawSetting,
  type Setting,
  type SettingContext,
} from "./setting-source.js";

/** How one setting is found: its variables, its profile keys (first match wins) and its parser. */
export interface SettingSpec<T> {
  /** The config-file name, used in messages. */
  name: string;
  env: readonly string[];
  keys: readonly string[];
  /** Which file wins when both define the profile (see `profileValue`). */
  prefer?: "config" | "credentials";
  parse: (found: RawSetting, ctx: SettingContext, name: string) => T;
}

/** Environment, then profile, as the SDKs and Tools Reference Guide orders them; undefined when unset. */
export function lookupSetting<T>(ctx: SettingContext, spec: SettingSpec<T>): Setting<T> | undefined {
  const found = envValue(ctx, spec.env) ?? profileValue(ctx, spec.keys, spec.prefer);
  return found === undefined ? undefined : { value: spec.parse(found, ctx, spec.name), source: found.source };
}

/** As `lookupSetting`, falling back to the SDKs' default. */
export function settingOrDefault<T>(ctx: SettingContext, spec: SettingSpec<T>, fallback: T): Setting<T> {
  return lookupSetting(ctx, spec) ?? { value: fallback, source: { kind: "default" } };
}

export const text = (found: RawSetting): string => found.raw.trim();

/**
 * `true` or `false` in any case. botocore reads anything else as false and the JS SDK
 * silently skips the value; both hide a typo, so anything else is an error here.
 */
export function boolean(found: RawSetting, ctx: SettingContext, name: string): boolean {
  const value = found.raw.trim().toLowerCase();
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidSetting(name, found, "true or false", ctx);
}

/** A parser accepting one of `choices` in any case, returning the choice as spelt there. */
export function oneOf<T extends string>(choices: readonly T[]) {
  return (found: RawSetting, ctx: SettingContext, name: string): T => {
    const value = found.raw.trim().toLowerCase();
    const choice = choices.find((c) => c.toLowerCase() === value);
    if (choice === undefined) throw invalidSetting(name, found, `one of ${choices.join(", ")}`, ctx);
    return choice;
  };
}

export function positiveInteger(found: RawSetting, ctx: SettingContext, name: string): number {
  const value = found.raw.trim();
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    throw invalidSetting(name, found, "a whole number of at least 1", ctx);
  }
  return Number(value);
}

/** An http(s) URL. The value is not echoed: a URL may carry a user and password. */
export function httpUrl(found: RawSetting, ctx: SettingContext, name: string): string {
  const value = found.raw.trim();
  if (parseHttpUrl(value) === undefined) throw invalidSetting(name, found, "an http:// or https:// URL", ctx);
  return value;
}
