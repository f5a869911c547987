// Node defaults: undici keep-alive pool, the default credential chain, region from the
// shared config file. Selected through the package's `#platform` import condition.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import { loadNodeCredentials } from "../credentials/platform-node.js";
import type { RegionSetting } from "../region.js";
import { LazyUndiciTransport } from "./lazy-undici.js";

export const userAgentHeader = "user-agent";

// node:crypto (the sigv4 `node` condition) signs synchronously, ~6× WebCrypto's throughput here.
export { sign as signRequest } from "@lanyard/sigv4";

// undici loads on the first request, so a client given a transport never imports it.
export function defaultTransport(): Transport {
  return new LazyUndiciTransport();
}

// The file/IMDS/process providers load on first use: a client given credentials and a region
// never pays for importing them (import time is benchmarked). The STS-aware chain is imported
// lazily too, which also breaks the client → credentials → client import cycle.
export { loadNodeCredentials };

export function defaultCredentials(): CredentialProvider | undefined {
  let chain: Promise<CredentialProvider> | undefined;
  return async () => {
    chain ??= import("../credentials/default-credentials.js").then((module) => module.defaultCredentials());
    return (await chain)();
  };
}

/** The selected profile's `region` in the shared config file (the environment was asked first). */
export async function configRegion(): Promise<RegionSetting | undefined> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const value = await (await loadNodeCredentials()).resolveConfigRegion({
    env: { ...env, AWS_REGION: undefined },
  });
  const profile = env.AWS_PROFILE || "default";
  return value
    ? { value, source: `the region of profile "${profile}" in the shared config file` }
    : undefined;
}

export function platformUserAgent(): string {
  const process = (globalThis as { process?: { versions?: { node?: string }; platform?: string } }).process;
  return `md/nodejs#${process?.versions?.node ?? "unknown"} os/${process?.platform ?? "other"}`;
}

// AWS_* variables fill in the options left unset (config-env.ts).
export { envFallback, envRegion } from "../config-env.js";
