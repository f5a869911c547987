import type { Env } from "../types.js";
import type { LoginToken } from "./login-token.js";
import { readCappedIfPresent } from "./read-capped.js";
import { writeSecretFile } from "./secret-file.js";
import { resolveHome } from "./shared-config.js";

// Node built-ins load through process.getBuiltinModule, not `import`; node:crypto and node:fs/promises
// on first use, since a client that never reaches this code should not pay to load them
// (CONTRIBUTING.md, "Node built-ins").
const { join } = process.getBuiltinModule("node:path");

/**
 * AWS_LOGIN_CACHE_DIRECTORY, taken as given (the JavaScript SDK does not expand `~` or
 * variables in it; botocore does), else ~/.aws/login/cache.
 */
export function loginCacheDirectory(env: Env, homedir?: string): string {
  const configured = env.AWS_LOGIN_CACHE_DIRECTORY;
  if (configured !== undefined) return configured;
  return join(resolveHome({ homedir }, env), ".aws", "login", "cache");
}

/** `<sha256 hex of the login_session value, UTF-8>.json`, as the CLI names it. */
export function loginCacheFile(directory: string, loginSession: string): string {
  return join(
    directory,
    `${process.getBuiltinModule("node:crypto").createHash("sha256").update(loginSession, "utf8").digest("hex")}.json`,
  );
}

// A session file holds a refresh token and a private key in a few KB; anything far larger is not one.
const MAX_LOGIN_CACHE_BYTES = 1024 * 1024;

/** The file's text, or undefined when it does not exist; other read errors are thrown. */
export function readLoginCache(path: string): Promise<string | undefined> {
  return readCappedIfPresent(path, "login session cache", MAX_LOGIN_CACHE_BYTES);
}

/**
 * Writes the token atomically and 0600 (`writeSecretFile`): it holds a refresh token and a
 * private key. Formatted as the JavaScript SDK writes it (two-space indent).
 */
export function writeLoginCache(path: string, token: LoginToken): Promise<void> {
  return writeSecretFile(path, JSON.stringify(token, null, 2));
}
