import { CredentialsError } from "../errors.js";
import { processEnv } from "../from-env.js";
import type { Env } from "../types.js";
import { configSections } from "./config-sections.js";
import { type IniSections, parseIni } from "./ini.js";
import { MAX_SHARED_FILE_BYTES, readCappedIfPresent } from "./read-capped.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { homedir: osHomedir } = process.getBuiltinModule("node:os");
const { join } = process.getBuiltinModule("node:path");

export interface SharedConfigOptions {
  /** Defaults to `process.env`. */
  env?: Env;
  /** Home directory for `~/.aws/…`; defaults to HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then `os.homedir()`. */
  homedir?: string;
}

export interface SharedConfig {
  /** Profiles of the config file (`[default]`, `[profile name]`), keyed by name. */
  profiles: IniSections;
  /** Sections of the credentials file, keyed by name. */
  credentials: IniSections;
  /** `[sso-session name]` sections of the config file. */
  ssoSessions: IniSections;
  /** `[services name]` sections of the config file. */
  services: IniSections;
  /** The paths read, for naming them in messages. */
  files: { config: string; credentials: string };
}

/** A configuration with no files, for reading settings from the environment alone. */
export function noSharedFiles(): SharedConfig {
  return {
    profiles: {},
    credentials: {},
    ssoSessions: {},
    services: {},
    files: { config: "", credentials: "" },
  };
}

/** As the SDKs find the home directory (HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS). */
export function resolveHome(options: SharedConfigOptions, env: Env): string {
  // Checked here, the one place every provider finds the home directory: a number or an object
  // would otherwise surface as a TypeError from node:path, naming neither the option nor the fix.
  if (options.homedir !== undefined && options.homedir !== null && typeof options.homedir !== "string") {
    throw new CredentialsError("invalid-config", "the homedir option must be a string (a directory path)");
  }
  if (options.homedir) return options.homedir;
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? "C:\\"}${env.HOMEPATH}`;
  return osHomedir();
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
  let text: string | undefined;
  try {
    text = await readCappedIfPresent(path, "shared config file", MAX_SHARED_FILE_BYTES);
  } catch (error) {
    if (error instanceof CredentialsError) throw error;
    throw new CredentialsError("file-unreadable", `cannot read shared config file ${path}`, { cause: error });
  }
  return text === undefined ? Object.create(null) : parseIni(text);
}

/**
 * Reads and parses the shared config and credentials files (missing files read as empty).
 * A file over 16 MiB is refused with `file-too-large` before it is read whole.
 */
export async function loadSharedConfig(options: SharedConfigOptions = {}): Promise<SharedConfig> {
  const files = sharedFilePaths(options);
  const [config, credentials] = await Promise.all([readIni(files.config), readIni(files.credentials)]);
  return { ...configSections(config), credentials, files };
}

/** How a provider gets the shared files for one resolution, given the environment it read. */
export type SharedFilesReader = (env: Env) => Promise<SharedConfig>;

/** A standalone provider reads the files on every call, so edits are picked up. */
export function readFilesEachCall(options: SharedConfigOptions): SharedFilesReader {
  return (env) => loadSharedConfig({ ...options, env });
}

/**
 * One pass of a chain reads the files once, however many of its steps look at them (the shared
 * files, `credential_process`, the instance metadata settings).
 */
export function readFilesOnce(options: SharedConfigOptions): SharedFilesReader {
  let loaded: Promise<SharedConfig> | undefined;
  return (env) => {
    loaded ??= loadSharedConfig({ ...options, env });
    return loaded;
  };
}

/** Whether either file defines the profile (a section with no keys counts). */
export function profileExists(config: SharedConfig, name: string): boolean {
  return config.profiles[name] !== undefined || config.credentials[name] !== undefined;
}

/**
 * One profile's settings for resolving credentials: the credentials file's keys override
 * the config file's one by one, as in both SDKs (so a key and its secret may sit in
 * different files, as in the JS SDK; botocore reports partial credentials there).
 */
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

/** Whether the profile was chosen (option or AWS_PROFILE) rather than `default` by default. */
export function isProfileSelected(profile: string | undefined, env: Env): boolean {
  return Boolean(profile || env.AWS_PROFILE);
}

/**
 * A selected profile that neither file defines is an error, as in botocore: falling back
 * to other sources would sign as a different identity than the one asked for.
 */
export function profileNotFound(name: string, files: SharedConfig["files"]): CredentialsError {
  return new CredentialsError(
    "profile-not-found",
    `profile "${name}" is not defined in ${files.config} or ${files.credentials}; ` +
      `check AWS_PROFILE / the profile option, or create it with \`aws configure --profile ${name}\``,
  );
}
