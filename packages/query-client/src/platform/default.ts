// Defaults for workers, Deno and Bun: fetch, the AWS_* variables where `process.env` exists,
// and no ambient credentials or shared files. Selected through the `#platform` import's
// `default` condition; `browser.ts` and `node.ts` are the other two.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import { FORM_CONTENT_TYPE, parseError, parseResponse, serialize } from "@lanyard/query-protocol";
import { type RetryMode, type RetryStrategy, standardStrategy } from "@lanyard/retry";
import { FetchTransport } from "@lanyard/transport-fetch";
import { ClientError } from "../errors.js";
import type { ParentClient, ServiceDefinition } from "../model.js";
import type { QueryProtocol } from "../parse.js";
import type { ClientSettings, Setting, SettingsFallback } from "../settings.js";

export { envSettings } from "../env.js";

/**
 * Standard retry, built in; adaptive and legacy are opt-in outside Node, so a bundle carries
 * neither the rate limiter nor the legacy schedule it does not ask for.
 */
export function retryStrategyFor(mode: Setting<RetryMode>, maxAttempts: number | undefined): RetryStrategy {
  if (mode.value !== "standard") {
    const factory = mode.value === "adaptive" ? "adaptiveStrategy" : "legacyStrategy";
    throw new ClientError(
      "config",
      `retry mode "${mode.value}" (from ${mode.source}) is not built into browser and worker bundles: ` +
        `pass retryStrategy: ${factory}({ maxAttempts }) from @lanyard/retry`,
    );
  }
  return standardStrategy(maxAttempts === undefined ? {} : { maxAttempts });
}

// Bundled with the client: a bundle has no import cost to save, and a dynamic import would cost bytes.
const protocol: QueryProtocol = { FORM_CONTENT_TYPE, parseError, parseResponse, serialize };

export function loadProtocol(): Promise<QueryProtocol> {
  return Promise.resolve(protocol);
}

// Browsers forbid setting `user-agent`; the SDKs send `x-amz-user-agent` there.
export const userAgentHeader = "x-amz-user-agent";

export function defaultTransport(_settings: ClientSettings): Promise<Transport> {
  return Promise.resolve(new FetchTransport());
}

export function defaultCredentials(_parent: ParentClient): CredentialProvider | undefined {
  return undefined;
}

/** `@lanyard/credentials/node` (shared files, token files, the default chain); Node only. */
export function nodeCredentialsLoader(): undefined {
  return undefined;
}

/** No shared config files outside Node. */
export function profileSettings(
  _service: ServiceDefinition,
  _profile: string | undefined,
): Promise<SettingsFallback> {
  return Promise.resolve({});
}

export function platformUserAgent(): string {
  return "md/browser";
}
