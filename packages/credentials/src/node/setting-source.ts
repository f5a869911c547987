import { CredentialsError } from "../errors.js";
import type { Env } from "../types.js";
import type { SharedConfig } from "./shared-config.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { sep } = process.getBuiltinModule("node:path");

/** Where a setting's value came from, so a client can name it in an error. */
export type SettingSource =
  | { kind: "env"; variable: string }
  | { kind: "profile"; profile: string; key: string; file: string }
  | { kind: "services"; profile: string; section: string; key: string; file: string }
  | { kind: "default" };

/** A resolved value and its source. */
export interface Setting<T> {
  value: T;
  source: SettingSource;
}

/** What a setting lookup needs: the loaded files, the environment and the selected profile. */
export interface SettingContext {
  config: SharedConfig;
  env: Env;
  profile: string;
  home: string;
}

/** A raw value found for a setting, before it is parsed. */
export interface RawSetting {
  raw: string;
  source: SettingSource;
}

function displayPath(path: string, home: string): string {
  return home !== "" && path.startsWith(home + sep) ? `~${path.slice(home.length)}` : path;
}

/** `environment variable AWS_REGION`, `profile "dev" in ~/.aws/config`, … */
export function describeSource(source: SettingSource, home = ""): string {
  switch (source.kind) {
    case "env":
      return `environment variable ${source.variable}`;
    case "profile":
      return `profile "${source.profile}" in ${displayPath(source.file, home)}`;
    case "services":
      return `[services ${source.section}] (${source.key}, used by profile "${source.profile}") in ${displayPath(source.file, home)}`;
    case "default":
      return "the default";
  }
}

/** `region from profile "dev" in ~/.aws/config`: for messages that name a setting's origin. */
export function describeSetting(name: string, setting: Setting<unknown>, home = ""): string {
  return `${name} from ${describeSource(setting.source, home)}`;
}

/** The first non-empty variable among `names`. */
export function envValue(ctx: SettingContext, names: readonly string[]): RawSetting | undefined {
  for (const variable of names) {
    const raw = ctx.env[variable];
    if (raw !== undefined && raw !== "") return { raw, source: { kind: "env", variable } };
  }
  return undefined;
}

/**
 * The profile's value for the first of `keys` it has. `prefer` says which file wins when
 * both define the profile: the JS SDK reads `region` credentials-file first and every
 * other setting config-file first (botocore lets the credentials file win for all).
 */
export function profileValue(
  ctx: SettingContext,
  keys: readonly string[],
  prefer: "config" | "credentials" = "config",
): RawSetting | undefined {
  const order =
    prefer === "config" ? (["config", "credentials"] as const) : (["credentials", "config"] as const);
  for (const key of keys) {
    for (const file of order) {
      const section =
        file === "config" ? ctx.config.profiles[ctx.profile] : ctx.config.credentials[ctx.profile];
      const raw = section?.[key];
      if (raw !== undefined && raw !== "") {
        return { raw, source: { kind: "profile", profile: ctx.profile, key, file: ctx.config.files[file] } };
      }
    }
  }
  return undefined;
}

/**
 * An invalid value: names the setting, where it came from and what is accepted, never the value
 * itself (it came from the environment or a file, and is not repeated into logs).
 */
export function invalidSetting(name: string, found: RawSetting, expected: string, ctx: SettingContext) {
  return new CredentialsError(
    "invalid-config",
    `${name} from ${describeSource(found.source, ctx.home)} is not valid: expected ${expected}`,
  );
}
