import type { SharedConfig } from "@lanyard/credentials/config";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { createHash } = process.getBuiltinModule("node:crypto");

/** What decides which credentials a profile resolves to; a change to any of it is a new cache entry. */
export interface CacheKeyInputs {
  profile: string;
  region: string;
  endpoint: string | undefined;
  /** The shared config and credentials files as read for this run; hashed, not kept. */
  config: SharedConfig;
  /** Environment variables the resolution reads (web identity, container credentials, …). */
  env: Readonly<Record<string, string | undefined>>;
}

// Bump when the cache file's format or the key's inputs change, so old entries are never misread.
const KEY_VERSION = "lanyard-credential-cache-2";

/**
 * The cache file's name: SHA-256 over the profile, region, endpoint, what the shared files say
 * and the relevant variables, so editing the config (a new role_arn, rotated keys) never serves
 * stale credentials. The files enter the key as parsed for this run, the reading the profile
 * check and the Region came from, so the key describes exactly the settings the credentials
 * were resolved with. Only a digest enters the name; it reveals nothing of the files.
 */
export function cacheKey(inputs: CacheKeyInputs): string {
  const { profiles, credentials, ssoSessions, services, files } = inputs.config;
  const env = Object.keys(inputs.env)
    .sort()
    .map((name) => [name, inputs.env[name] ?? null]);
  const material = JSON.stringify([
    KEY_VERSION,
    inputs.profile,
    inputs.region,
    inputs.endpoint ?? null,
    [files.config, files.credentials],
    [profiles, credentials, ssoSessions, services],
    env,
  ]);
  return createHash("sha256").update(material).digest("hex");
}
