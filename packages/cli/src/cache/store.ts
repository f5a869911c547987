import type { CredentialValues } from "../format.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { chmod, lstat, mkdir, readFile, stat } = process.getBuiltinModule("node:fs/promises");
const { dirname } = process.getBuiltinModule("node:path");

/**
 * Cached credentials are served only while they stay valid this much longer: botocore's
 * CachedCredentialFetcher window (15 minutes), which is also its advisory refresh window for
 * credential_process, so the AWS CLI never sees cached credentials as already due for refresh.
 */
export const CACHE_MARGIN_MS = 15 * 60_000;

export interface CachedCredentials extends CredentialValues {
  Expiration: Date;
}

const currentUid = (): number | undefined => process.getuid?.();

function parseEntry(text: string): CachedCredentials | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { Version, AccessKeyId, SecretAccessKey, SessionToken, Expiration } = (entry ?? {}) as Record<
    string,
    unknown
  >;
  if (Version !== 1 || typeof AccessKeyId !== "string" || typeof SecretAccessKey !== "string")
    return undefined;
  if (AccessKeyId === "" || SecretAccessKey === "" || typeof Expiration !== "string") return undefined;
  if (SessionToken !== undefined && typeof SessionToken !== "string") return undefined;
  const expiration = new Date(Expiration);
  if (Number.isNaN(expiration.getTime())) return undefined;
  return { AccessKeyId, SecretAccessKey, SessionToken, Expiration: expiration };
}

/**
 * The cached credentials in `file`, if they are still good for more than `CACHE_MARGIN_MS`.
 * Anything else (missing, unreadable, not ours, corrupt, expiring) reads as a miss, and the
 * fresh credentials then replace the file.
 */
export async function readCache(file: string, now: number): Promise<CachedCredentials | undefined> {
  try {
    const info = await lstat(file);
    const uid = currentUid();
    if (!info.isFile() || (uid !== undefined && info.uid !== uid)) return undefined;
    const entry = parseEntry(await readFile(file, "utf8"));
    return entry !== undefined && entry.Expiration.getTime() - now > CACHE_MARGIN_MS ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The directory, created 0700; an existing one of ours is narrowed to 0700 (it holds secrets). */
async function ensureDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  if (process.platform === "win32") return;
  const info = await stat(directory);
  if ((info.mode & 0o077) !== 0 && info.uid === currentUid()) await chmod(directory, 0o700);
}

/**
 * Writes the entry as @lanyard/credentials writes its IAM Identity Center and console-login
 * caches: 0600, flushed, renamed into place. Imported here, on a write, so that a run served
 * from the cache never loads the credential providers' module.
 */
export async function writeCache(file: string, credentials: CachedCredentials): Promise<void> {
  await ensureDirectory(dirname(file));
  const entry = {
    Version: 1,
    AccessKeyId: credentials.AccessKeyId,
    SecretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken ? { SessionToken: credentials.SessionToken } : {}),
    Expiration: credentials.Expiration.toISOString(),
  };
  const { writeSecretFile } = await import("@lanyard/credentials/node");
  await writeSecretFile(file, JSON.stringify(entry));
}
