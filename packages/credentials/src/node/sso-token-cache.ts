import { CredentialsError } from "../errors.js";
import { readCappedIfPresent } from "./read-capped.js";
import { writeSecretFile } from "./secret-file.js";

// Node built-ins load through process.getBuiltinModule, not `import`; node:crypto and node:fs/promises
// on first use, since a client that never reaches this code should not pay to load them
// (CONTRIBUTING.md, "Node built-ins").
const { join } = process.getBuiltinModule("node:path");

/**
 * A token cache entry as `aws sso login` writes it (~/.aws/sso/cache/<sha1>.json). Other
 * fields the CLI may add are kept when the entry is written back.
 */
export interface SsoCacheEntry {
  accessToken: string;
  /** RFC 3339, e.g. `2030-01-01T00:00:00Z`. */
  expiresAt: string;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  region?: string;
  startUrl?: string;
  [field: string]: unknown;
}

/** Why the cache could not be used; the caller turns it into an error naming the fix. */
export type CacheProblem = "missing" | "malformed" | "incomplete";

// A token entry is well under 10 KB; anything much larger is not one.
const MAX_CACHE_BYTES = 1024 * 1024;

/**
 * The AWS CLI's cache file: SHA-1 (hex) of the sso-session name, or of the start URL for
 * legacy profiles, under ~/.aws/sso/cache (botocore's SSOTokenLoader, the JS SDK's getSSOTokenFilepath).
 */
export function ssoCachePath(home: string, key: string): string {
  return join(
    home,
    ".aws",
    "sso",
    "cache",
    `${process.getBuiltinModule("node:crypto").createHash("sha1").update(key, "utf8").digest("hex")}.json`,
  );
}

function parseEntry(text: string): SsoCacheEntry | "malformed" | "incomplete" {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "malformed";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "malformed";
  const entry = value as Record<string, unknown>;
  const { accessToken, expiresAt } = entry;
  if (typeof accessToken !== "string" || accessToken === "" || typeof expiresAt !== "string")
    return "incomplete";
  if (Number.isNaN(Date.parse(expiresAt))) return "incomplete";
  return entry as SsoCacheEntry;
}

/** Reads one cache entry; never puts the file's contents in an error. */
export async function readSsoCache(path: string): Promise<SsoCacheEntry | CacheProblem> {
  let text: string | undefined;
  try {
    text = await readCappedIfPresent(path, "SSO token cache", MAX_CACHE_BYTES);
  } catch (error) {
    if (error instanceof CredentialsError) return "malformed";
    throw new CredentialsError("file-unreadable", `cannot read SSO token cache ${path}`, { cause: error });
  }
  return text === undefined ? "missing" : parseEntry(text);
}

/** Writes an entry back as the CLI does: JSON, 0600, atomically (`writeSecretFile`). */
export function writeSsoCache(path: string, entry: SsoCacheEntry): Promise<void> {
  return writeSecretFile(path, JSON.stringify(entry, null, 2));
}
