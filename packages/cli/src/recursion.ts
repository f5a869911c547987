import { profileSettings, type SharedConfig, splitCommand } from "@lanyard/credentials/config";
import { configError } from "./errors.js";
import type { Env } from "./io.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { realpathSync } = process.getBuiltinModule("node:fs");
const { basename, resolve } = process.getBuiltinModule("node:path");

/** The profiles whose credential-process runs are in progress above this one, outermost first. */
export const CHAIN_VARIABLE = "LANYARD_CREDENTIAL_PROCESS_CHAIN";
const MAX_DEPTH = 8;

const HINT =
  "a profile must not get its credentials from lanyard credential-process for itself; give it keys, a source_profile or another credential_process";

function sameFile(path: string, self: string | undefined): boolean {
  if (self === undefined || !/[/\\]/.test(path)) return false;
  try {
    return realpathSync(resolve(path)) === self;
  } catch {
    return false;
  }
}

/** The profile a `credential_process` value asks `lanyard credential-process` for, if it does. */
export function lanyardProfileOf(command: string, self: string | undefined): string | undefined {
  let argv: string[];
  try {
    // Split as the runner will split it, so both see the same argv.
    argv = splitCommand(command);
  } catch {
    return undefined; // an unclosed quote: the runner refuses the command before running anything
  }
  const at = argv.indexOf("credential-process");
  const program = argv
    .slice(0, at)
    .some((word) => /^lanyard(\.[a-z]+)?$/i.test(basename(word)) || sameFile(word, self));
  if (at === -1 || !program) return undefined;
  for (let i = at + 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--profile") return argv[i + 1];
    if (word.startsWith("--profile=")) return word.slice("--profile=".length);
  }
  return undefined;
}

interface Link {
  profile: string;
  via: "source_profile" | "credential_process";
}

/**
 * Where a profile's credentials come from next, in @lanyard/credentials' order: a role's
 * source_profile; static keys end the chain (a source profile's keys win over its own role);
 * otherwise a credential_process that runs lanyard for another profile.
 */
function nextLink(
  config: SharedConfig,
  name: string,
  nested: boolean,
  self: string | undefined,
): Link | undefined {
  const s = profileSettings(config, name) ?? {};
  const hasKeys = Boolean(s.aws_access_key_id && s.aws_secret_access_key);
  if (nested && hasKeys) return undefined;
  if (s.role_arn && s.source_profile) return { profile: s.source_profile, via: "source_profile" };
  if (hasKeys || s.role_arn || !s.credential_process) return undefined;
  const profile = lanyardProfileOf(s.credential_process, self);
  return profile === undefined ? undefined : { profile, via: "credential_process" };
}

/**
 * Follows a profile's source_profile and lanyard credential_process links through the config
 * before anything runs, so `credential_process = lanyard credential-process --profile self`
 * fails at once with the loop named instead of spawning itself until something gives way.
 * A loop of source_profiles alone is left to @lanyard/credentials, which reports it.
 */
export function checkConfigLoop(config: SharedConfig, profile: string, self: string | undefined): void {
  const path: Link[] = [{ profile, via: "source_profile" }];
  for (let link = nextLink(config, profile, false, self); link !== undefined; ) {
    const start = path.findIndex((step) => step.profile === link!.profile);
    path.push(link);
    if (start !== -1) {
      if (!path.slice(start + 1).some((step) => step.via === "credential_process")) return;
      throw configError(`credential_process loop: ${path.map((step) => step.profile).join(" -> ")}`, HINT);
    }
    link = nextLink(config, link.profile, true, self);
  }
}

/**
 * The run-time guard behind the config check (a wrapper script, an indirect loop): each run adds
 * its profile to a variable its credential_process children inherit, and a run that finds its
 * own profile there stops. Returns the variable's new value.
 */
export function enterCredentialProcess(profile: string, env: Env): string {
  let chain: string[] = [];
  try {
    const parsed: unknown = JSON.parse(env[CHAIN_VARIABLE] ?? "[]");
    if (Array.isArray(parsed)) chain = parsed.filter((item): item is string => typeof item === "string");
  } catch {
    chain = [];
  }
  if (chain.includes(profile)) {
    throw configError(`credential_process loop: ${[...chain, profile].join(" -> ")}`, HINT);
  }
  if (chain.length >= MAX_DEPTH) {
    throw configError(
      `credential_process nesting deeper than ${MAX_DEPTH}: ${[...chain, profile].join(" -> ")}`,
    );
  }
  return JSON.stringify([...chain, profile]);
}
