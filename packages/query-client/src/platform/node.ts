// Node defaults: the node:http keep-alive transport (proxies from the environment, the CA bundle
// of the settings), the default credential chain, and the shared config file's settings.
// Selected through the package's `#platform` import condition. The shared config file's rules
// (@lanyard/credentials/config) load with the client, since the environment's values are checked
// by them when a client is made (node-env.ts); the files themselves are read on the first call.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import { createRetryStrategy, type RetryMode, type RetryStrategy } from "@lanyard/retry";
import { processEnv } from "../env.js";
import type { ParentClient, ServiceDefinition } from "../model.js";
import type { NodeCredentialsLoader, NodeCredentialsModule } from "../node-credentials.js";
import { parentTransport } from "../parent-transport.js";
import type { QueryProtocol } from "../parse.js";
import type { ClientSettings, Setting, SettingsFallback } from "../settings.js";
import { profileLayer } from "./node-profile.js";

export { envSettings } from "./node-env.js";

/** Every retry mode: on Node bytes cost nothing, and `AWS_RETRY_MODE` or `retry_mode` may ask for any. */
export function retryStrategyFor(mode: Setting<RetryMode>, maxAttempts: number | undefined): RetryStrategy {
  return createRetryStrategy({ mode: mode.value, maxAttempts });
}

let protocol: Promise<QueryProtocol> | undefined;

/**
 * The protocol (serializer, parsers, XML codec) loads on the first call, not on import: a process
 * that only presigns (an EKS token) never loads it, and a first call loads it while its settings
 * are read. On Node each module file costs about 2 ms to load, so it is one entry, not a
 * serializer and a parser apart.
 */
export function loadProtocol(): Promise<QueryProtocol> {
  protocol ??= import("@lanyard/query-protocol");
  return protocol;
}

export const userAgentHeader = "user-agent";

let nodeCredentials: Promise<NodeCredentialsModule> | undefined;

/**
 * Loads the file/IMDS/process providers on first use: a client given credentials never loads
 * them (import time is benchmarked); every client reads its settings through the lighter
 * `@lanyard/credentials/config`. Other platforms return undefined,
 * which is how portable code knows that files and the default chain are out of reach.
 */
export function nodeCredentialsLoader(): NodeCredentialsLoader | undefined {
  return loadNodeCredentials;
}

function loadNodeCredentials(): Promise<NodeCredentialsModule> {
  nodeCredentials ??= import("@lanyard/credentials/node");
  return nodeCredentials;
}

/** The selected profile's settings in the shared config files, for those the options and environment leave unset. */
export function profileSettings(
  service: ServiceDefinition,
  profile: string | undefined,
): Promise<SettingsFallback> {
  return profileLayer(service, profile, processEnv());
}

/**
 * node:http with keep-alive: about 15 ms to a first request and an exit as soon as the last call
 * ends, where undici takes four times as long to load and keeps a one-shot process alive for
 * hundreds of milliseconds (apps/bench cold-start). Proxies come from HTTPS_PROXY/HTTP_PROXY/NO_PROXY,
 * as the SDKs' users on corporate networks expect; `ca_bundle` / AWS_CA_BUNDLE replaces the roots.
 * Loaded on the first call, so presigning never loads an HTTP stack.
 */
export async function defaultTransport(settings: ClientSettings): Promise<Transport> {
  const { NodeHttpTransport, readCaBundle } = await import("@lanyard/transport-node");
  const caBundle = settings.caBundle.value;
  return new NodeHttpTransport({
    proxy: "env",
    ...(caBundle ? { tls: { ca: readCaBundle(caBundle) } } : {}),
  });
}

/**
 * The SDKs' default chain for the client's profile, without role hooks (a service may supply a
 * chain that resolves role profiles through itself). IAM Identity Center and console-login
 * refreshes go through the client's own transport, so they take the same proxies and CA.
 */
export function defaultCredentials(parent: ParentClient): CredentialProvider {
  let chain: Promise<CredentialProvider> | undefined;
  return async () => {
    chain ??= loadNodeCredentials().then((module) => {
      const transport = parentTransport(parent);
      return module.defaultChain({
        ...(parent.config.profile === undefined ? {} : { profile: parent.config.profile }),
        transport,
        login: { transport },
      });
    });
    return (await chain)();
  };
}

export function platformUserAgent(): string {
  const process = (globalThis as { process?: { versions?: { node?: string }; platform?: string } }).process;
  return `md/nodejs#${process?.versions?.node ?? "unknown"} os/${process?.platform ?? "other"}`;
}
