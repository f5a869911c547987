// Defaults for workers, Deno and Bun: fetch, the AWS_* variables where `process.env` exists,
// and no ambient credentials or shared files. Selected through the `#platform` import's
// `default` condition; `browser.ts` and `node.ts` are the other two.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import { FetchTransport } from "@lanyard/transport-fetch";
import type { RegionSetting } from "../region.js";

export { envRegion, envSettings } from "../env.js";

// Browsers forbid setting `user-agent`; the SDKs send `x-amz-user-agent` there.
export const userAgentHeader = "x-amz-user-agent";

export function defaultTransport(): Transport {
  return new FetchTransport();
}

export function defaultCredentials(): CredentialProvider | undefined {
  return undefined;
}

/** `@lanyard/credentials/node` (shared files, token files, the default chain); Node only. */
export function nodeCredentialsLoader(): undefined {
  return undefined;
}

export function configRegion(): Promise<RegionSetting | undefined> {
  return Promise.resolve(undefined);
}

export function platformUserAgent(): string {
  return "md/browser";
}
