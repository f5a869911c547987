import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** What decides which credentials a profile resolves to; a change to any of it is a new cache entry. */
export interface CacheKeyInputs {
  profile: string;
  region: string;
  endpoint: string | undefined;
  /** Paths of the shared config and credentials files; their contents are hashed, not kept. */
  files: readonly string[];
  /** Environment variables the resolution reads (web identity, container credentials, …). */
  env: Readonly<Record<string, string | undefined>>;
}

// Bump when the cache file's format or the key's inputs change, so old entries are never misread.
const KEY_VERSION = "lanyard-credential-cache-1";

/** Read failures count as "absent": the key then differs from a run that could read the file. */
async function fileDigest(path: string): Promise<string> {
  try {
    return createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? "?"}`;
  }
}

/**
 * The cache file's name: SHA-256 over the profile, region, endpoint, the shared files' contents and
 * the relevant variables, so editing the config (a new role_arn, rotated keys) never serves stale
 * credentials. Only digests of the files enter the key; the file name reveals nothing of them.
 */
export async function cacheKey(inputs: CacheKeyInputs): Promise<string> {
  const digests = await Promise.all(inputs.files.map(fileDigest));
  const env = Object.keys(inputs.env)
    .sort()
    .map((name) => [name, inputs.env[name] ?? null]);
  const material = JSON.stringify([
    KEY_VERSION,
    inputs.profile,
    inputs.region,
    inputs.endpoint ?? null,
    inputs.files,
    digests,
    env,
  ]);
  return createHash("sha256").update(material).digest("hex");
}
