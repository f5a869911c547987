import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { homedir as osHomedir } from "node:os";
import { dirname, join } from "node:path";
import type { Env } from "../types.js";
import type { LoginToken } from "./login-token.js";

/**
 * AWS_LOGIN_CACHE_DIRECTORY, taken as given (the JavaScript SDK does not expand `~` or
 * variables in it; botocore does), else ~/.aws/login/cache.
 */
export function loginCacheDirectory(env: Env, homedir?: string): string {
  const configured = env.AWS_LOGIN_CACHE_DIRECTORY;
  if (configured !== undefined) return configured;
  return join(homedir ?? env.HOME ?? env.USERPROFILE ?? osHomedir(), ".aws", "login", "cache");
}

/** `<sha256 hex of the login_session value, UTF-8>.json`, as the CLI names it. */
export function loginCacheFile(directory: string, loginSession: string): string {
  return join(directory, `${createHash("sha256").update(loginSession, "utf8").digest("hex")}.json`);
}

/** The file's text, or undefined when it does not exist; other read errors are thrown. */
export async function readLoginCache(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Writes the token beside the old file and renames it into place, so a reader (another
 * process, the CLI) sees the old session or the new one, never half of one. The file is
 * created 0600: it holds a refresh token and a private key. Formatted as the JavaScript SDK
 * writes it (two-space indent).
 */
export async function writeLoginCache(path: string, token: LoginToken): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const file = await open(temporary, "wx", 0o600);
  try {
    await file.writeFile(JSON.stringify(token, null, 2), "utf8");
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
