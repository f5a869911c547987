// Defaults for workers, Deno and Bun: fetch, the AWS_* variables where `process.env` exists,
// and no ambient credentials or shared files. Selected through the `#platform` import's
// `default` condition; `browser.ts` and `node.ts` are the other two.
import type { CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import { parseError, parseResponse } from "@lanyard/query-protocol";
import { FetchTransport } from "@lanyard/transport-fetch";
import type { ParentClient, ServiceDefinition } from "../model.js";
import type { ResponseParser } from "../parse.js";
import type { ClientSettings, SettingsFallback } from "../settings.js";

export { envSettings } from "../env.js";

// Bundled with the client: a bundle has no import cost to save, and a dynamic import would cost bytes.
const parser: ResponseParser = { parseError, parseResponse };

export function loadResponseParser(): Promise<ResponseParser> {
  return Promise.resolve(parser);
}

// Browsers forbid setting `user-agent`; the SDKs send `x-amz-user-agent` there.
export const userAgentHeader = "x-amz-user-agent";

export function defaultTransport(_settings: ClientSettings): Transport {
  return new FetchTransport();
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
