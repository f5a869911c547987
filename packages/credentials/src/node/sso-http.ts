import type { Transport } from "@lanyard/http";
import { CredentialsError } from "../errors.js";
import { failureReason, simpleRequest } from "./http-request.js";

export interface SsoHttpRequest {
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface SsoHttpResponse {
  status: number;
  body: string;
}

export interface SsoHttpOptions {
  /** The client's transport (proxies, CA bundle…); without one, a plain node:http(s) request. */
  transport?: Transport | undefined;
  timeoutMs: number;
}

// IAM Identity Center answers are a few KB; the built-in request refuses anything larger.
const MAX_BODY_BYTES = 256 * 1024;

function unreachable(what: string, url: URL, cause: unknown): CredentialsError {
  const reason = failureReason(cause);
  // Never tryNext: an SSO profile that cannot reach its portal must not fall through to another identity.
  return new CredentialsError("http-failed", `${what}: cannot reach ${url.origin} (${reason})`, { cause });
}

/**
 * One request to the IAM Identity Center portal or SSO OIDC. The request holds a bearer
 * token or a refresh token, so neither the request nor the response appears in errors.
 */
export async function ssoRequest(
  what: string,
  request: SsoHttpRequest,
  options: SsoHttpOptions,
): Promise<SsoHttpResponse> {
  const headers = { ...request.headers };
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  try {
    if (options.transport === undefined) {
      return await simpleRequest({
        ...request,
        headers,
        timeoutMs: options.timeoutMs,
        maxBodyBytes: MAX_BODY_BYTES,
      });
    }
    const response = await options.transport.send(
      {
        method: request.method,
        url: request.url,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      },
      { signal: AbortSignal.timeout(options.timeoutMs) },
    );
    return { status: response.status, body: new TextDecoder().decode(response.body) };
  } catch (error) {
    throw unreachable(what, request.url, error);
  }
}
