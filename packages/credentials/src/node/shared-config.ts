import { readFile } from "node:fs/promises";
import { homedir as osHomedir } from "node:os";
import { join } from "node:path";
import { CredentialsError } from "../errors.js";
import { processEnv } from "../from-env.js";
import type { Env } from "../types.js";
import { type IniSections, parseIni } from "./ini.js";

export interface SharedConfigOptions {
  /** Defaults to `process.env`. */
  env?: Env;
  /** Home directory for `~/.aws/…`; defaults to HOME / USERPROFILE, then `os.homedir()`. */
  homedir?: string;
}

export interface SharedConfig {
  /** Profiles of the config file, keyed by name without the `profile ` prefix. */
  profiles: IniSections;
  /** Sections of the credentials file. */
  credentials: IniSections;
}

function resolveHome(options: SharedConfigOptions, env: Env): string {
  return options.homedir ?? env.HOME ?? env.USERPROFILE ?? osHomedir();
}

function expandHome(path: string, home: string): string {
  return path === "~" || path.startsWith("~/") || path.startsWith("~\\") ? join(home, path.slice(1)) : path;
}

/** Paths of the shared files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function sharedFilePaths(options: SharedConfigOptions = {}): { config: string; credentials: string } {
  const env = options.env ?? processEnv();
  const home = resolveHome(options, env);
  return {
    config: expandHome(env.AWS_CONFIG_FILE || join(home, ".aws", "config"), home),
    credentials: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials"), home),
  };
}

async function readIni(path: string): Promise<IniSections> {
  try {
    return parseIni(await readFile(path, "utf8"));
  } catch (error) {
    // A missing file is the common case (no ~/.aws at all), not an error.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return Object.create(null);
    throw new CredentialsError("file-unreadable", `cannot read shared config file ${path}`, { cause: error });
  }
}

/**
 * The config file names profiles `[profile name]` and `[default]`; a bare `[name]`
 * there is ignored, as by the SDKs (the CLI user guide, "Configuration and credential
 * file settings"). `[profile default]` wins over `[default]`.
 */
function configProfiles(sections: IniSections): IniSections {
  const profiles: IniSections = Object.create(null);
  if (sections.default) profiles.default = sections.default;
  for (const [name, values] of Object.entries(sections)) {
    if (!name.startsWith("profile ")) continue;
    const profile = name.slice("profile ".length).trim();
    if (profile === "__proto__") continue;
    profiles[profile] = values;
  }
  return profiles;
}

/** Reads and parses the shared config and credentials files (missing files read as empty). */
export async function loadSharedConfig(options: SharedConfigOptions = {}): Promise<SharedConfig> {
  const paths = sharedFilePaths(options);
  const [config, credentials] = await Promise.all([readIni(paths.config), readIni(paths.credentials)]);
  return { profiles: configProfiles(config), credentials };
}

/** One profile's settings: the credentials file's keys override the config file's, as in the SDKs. */
export function profileSettings(config: SharedConfig, name: string): Record<string, string> | undefined {
  const fromConfig = config.profiles[name];
  const fromCredentials = config.credentials[name];
  if (fromConfig === undefined && fromCredentials === undefined) return undefined;
  return Object.assign(Object.create(null), fromConfig, fromCredentials);
}

/** The selected profile: the option, then AWS_PROFILE, then `default`. */
export function profileName(profile: string | undefined, env: Env): string {
  return profile || env.AWS_PROFILE || "default";
}

export interface ResolveConfigRegionOptions extends SharedConfigOptions {
  profile?: string;
}

/**
 * The region as the JavaScript SDK resolves it: AWS_REGION, then the profile's `region`
 * in the shared files. (AWS_DEFAULT_REGION is read by the CLI only, not the SDKs.)
 */
export async function resolveConfigRegion(
  options: ResolveConfigRegionOptions = {},
): Promise<string | undefined> {
  const env = options.env ?? processEnv();
  if (env.AWS_REGION) return env.AWS_REGION;
  const config = await loadSharedConfig({ ...options, env });
  return profileSettings(config, profileName(options.profile, env))?.region || undefined;
}
