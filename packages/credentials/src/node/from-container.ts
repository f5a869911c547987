import { CredentialsError, notConfigured } from "../errors.js";
import { processEnv } from "../from-env.js";
import { numberOption } from "../number-option.js";
import type { CredentialProvider, Env } from "../types.js";
import { parseCredentialDocument } from "./credential-document.js";
import { HttpFailure, simpleRequest } from "./http-request.js";

export interface FromContainerOptions {
  env?: Env;
  /** Per attempt (default 1000 ms, as the SDKs). */
  timeoutMs?: number;
  /** Further attempts after a network error or 5xx (default 3). */
  maxRetries?: number;
  now?: () => number;
}

/** ECS task metadata host, used with AWS_CONTAINER_CREDENTIALS_RELATIVE_URI. */
export const ECS_CONTAINER_HOST = "169.254.170.2";
const EKS_HOSTS = new Set(["169.254.170.23", "[fd00:ec2::23]"]);
const IPV6_LOOPBACK = new Set(["[::1]", "[0:0:0:0:0:0:0:1]"]);

function isIpv4Loopback(host: string): boolean {
  const parts = host.split(".");
  return (
    parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  );
}

/**
 * The SDKs accept a FULL_URI only over HTTPS, or over HTTP to a loopback address
 * (127.0.0.0/8, ::1, localhost) or the ECS/EKS link-local hosts, so that the token
 * is never sent in clear text across a network (aws-sdk-js-v3 credential-provider-http `checkUrl`).
 */
export function isAllowedContainerUrl(url: URL): boolean {
  if (url.protocol === "https:") return true;
  if (url.protocol !== "http:") return false;
  const host = url.hostname;
  if (host === ECS_CONTAINER_HOST || EKS_HOSTS.has(host) || host === "localhost") return true;
  return IPV6_LOOPBACK.has(host) || isIpv4Loopback(host);
}

/**
 * RELATIVE_URI is a path on the ECS host, joined as text as the SDKs do: resolving it as a
 * URL reference would let `//host/x` or `http://host/x` send the token to another host.
 */
function relativeUrl(relative: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(`http://${ECS_CONTAINER_HOST}${relative.startsWith("/") ? "" : "/"}${relative}`);
  } catch {
    // A leading "/" makes it a path, which the URL parser accepts in any form; kept as a guard.
    url = undefined;
  }
  if (url?.host !== ECS_CONTAINER_HOST) {
    throw new CredentialsError(
      "url-not-allowed",
      `fromContainer: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must be a path on ${ECS_CONTAINER_HOST}`,
    );
  }
  return url as URL;
}

function containerUrl(env: Env): URL | undefined {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (relative) return relativeUrl(relative);
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!full) return undefined;
  let url: URL;
  try {
    url = new URL(full);
  } catch {
    throw new CredentialsError(
      "url-not-allowed",
      "fromContainer: AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL; expected an https URL, or http " +
        "to a loopback address, 169.254.170.2, 169.254.170.23 or [fd00:ec2::23]",
    );
  }
  if (!isAllowedContainerUrl(url)) {
    throw new CredentialsError(
      "url-not-allowed",
      `fromContainer: ${url.origin} is not allowed; AWS_CONTAINER_CREDENTIALS_FULL_URI must be HTTPS, or HTTP ` +
        "to a loopback address (127.0.0.0/8, [::1], localhost), 169.254.170.2, 169.254.170.23 or [fd00:ec2::23]",
    );
  }
  return url;
}

/** The token file (EKS Pod Identity) wins over the token variable, as in the SDKs. */
async function authorizationToken(env: Env): Promise<string | undefined> {
  const file = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  let token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  if (file) {
    try {
      // node:fs/promises loads on first use (CONTRIBUTING.md, "Node built-ins").
      token = (await process.getBuiltinModule("node:fs/promises").readFile(file, "utf8")).trim();
    } catch (error) {
      throw new CredentialsError("file-unreadable", `fromContainer: cannot read token file ${file}`, {
        cause: error,
      });
    }
  }
  // Node refuses such a header value by throwing; a line break would also split the header.
  if (token && /[^\t\x20-\x7e\x80-\xff]/.test(token)) {
    throw new CredentialsError(
      "invalid-credentials",
      "fromContainer: authorization token contains a line break or another character not allowed in an HTTP header",
    );
  }
  return token || undefined;
}

/** ECS task roles and EKS Pod Identity: credentials from the container credentials endpoint. */
export function fromContainer(options: FromContainerOptions = {}): CredentialProvider {
  const now = options.now ?? Date.now;
  return async () => {
    const env = options.env ?? processEnv();
    const url = containerUrl(env);
    if (url === undefined) {
      throw notConfigured(
        "fromContainer: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set",
      );
    }
    const source = "fromContainer";
    const timeoutMs = numberOption(options.timeoutMs, 1000, { source, name: "timeoutMs", min: 1 });
    const retries = numberOption(options.maxRetries, 3, { source, name: "maxRetries", min: 0, whole: true });
    const token = await authorizationToken(env);
    const headers: Record<string, string> = token ? { authorization: token } : {};
    const attempts = 1 + retries;
    let lastError: Error = new Error("unreachable");
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const res = await simpleRequest({ method: "GET", url, headers, timeoutMs });
        if (res.status === 200) return parseCredentialDocument(res.body, "fromContainer", now);
        lastError = new CredentialsError(
          "http-failed",
          `fromContainer: ${url.origin} answered HTTP ${res.status}`,
        );
        if (res.status < 500) break;
      } catch (error) {
        if (!(error instanceof HttpFailure)) throw error;
        lastError = new CredentialsError("http-failed", `fromContainer: ${error.message}`, { cause: error });
        if (error.reason === "invalid-request") break;
      }
    }
    throw lastError;
  };
}
