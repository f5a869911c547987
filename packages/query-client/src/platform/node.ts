// Node defaults: undici keep-alive pool, the default credential chain, region from the
// shared config file. Selected through the package's `#platform` import condition.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import type { NodeCredentialsLoader, NodeCredentialsModule } from "../node-credentials.js";
import type { RegionSetting } from "../region.js";
import { LazyUndiciTransport } from "./lazy-undici.js";

export { envRegion, envSettings } from "../env.js";

export const userAgentHeader = "user-agent";

let nodeCredentials: Promise<NodeCredentialsModule> | undefined;

/**
 * Loads the file/IMDS/process providers on first use: a client given credentials and a region
 * never pays for importing them (import time is benchmarked). Other platforms return undefined,
 * which is how portable code knows that files and the default chain are out of reach.
 */
export function nodeCredentialsLoader(): NodeCredentialsLoader | undefined {
  return loadNodeCredentials;
}

function loadNodeCredentials(): Promise<NodeCredentialsModule> {
  nodeCredentials ??= import("@lanyard/credentials/node");
  return nodeCredentials;
}

// undici loads on the first request, so a client given a transport never imports it.
export function defaultTransport(): Transport {
  return new LazyUndiciTransport();
}

/** The SDKs' default chain without role hooks; a service may supply its own (one that resolves role profiles through itself). */
export function defaultCredentials(): CredentialProvider {
  let chain: Promise<CredentialProvider> | undefined;
  return async () => {
    chain ??= loadNodeCredentials().then((module) => module.defaultChain());
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
