// Defaults for browsers, workers, Deno and Bun: fetch, and no ambient credentials or region.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import { FetchTransport } from "@lanyard/transport-fetch";
import type { RegionSetting } from "../region.js";

// WebCrypto signs at no bundle cost; the sync `sign` would bundle @noble/hashes (~2 KB gzip).
export { signAsync as signRequest } from "@lanyard/sigv4";

// Browsers forbid setting `user-agent`; the SDKs send `x-amz-user-agent` there.
export const userAgentHeader = "x-amz-user-agent";

export function defaultTransport(): Transport {
  return new FetchTransport();
}

export function defaultCredentials(): CredentialProvider | undefined {
  return undefined;
}

export function configRegion(): Promise<RegionSetting | undefined> {
  return Promise.resolve(undefined);
}

export function platformUserAgent(): string {
  return "md/browser";
}

// AWS_* variables fill in the options left unset (config-env.ts).
export { envFallback, envRegion } from "../config-env.js";
