import { parseJsonObject } from "./json-object.js";
import { endpointPath } from "./sso-endpoints.js";
import { type SsoHttpOptions, ssoRequest } from "./sso-http.js";
import type { SsoCacheEntry } from "./sso-token-cache.js";

/** A new access token from SSO OIDC CreateToken. */
export interface RefreshedToken {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken?: string;
}

/** Why a refresh failed, in words safe to show (never the tokens or the answer's body). */
export class RefreshFailure extends Error {
  override name = "RefreshFailure";
}

function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: unknown }).error;
    return typeof code === "string" && /^[\w.-]{1,64}$/.test(code) ? ` ${code}` : "";
  } catch {
    return "";
  }
}

function parseAnswer(body: string): RefreshedToken {
  const answer = parseJsonObject(body);
  if (answer === undefined)
    throw new RefreshFailure("SSO OIDC answered with something other than a JSON object");
  const { accessToken, expiresIn, refreshToken } = answer;
  if (
    typeof accessToken !== "string" ||
    accessToken === "" ||
    typeof expiresIn !== "number" ||
    expiresIn <= 0
  ) {
    throw new RefreshFailure("SSO OIDC's answer lacks accessToken or expiresIn");
  }
  return {
    accessToken,
    expiresInSeconds: expiresIn,
    ...(typeof refreshToken === "string" ? { refreshToken } : {}),
  };
}

/**
 * SSO OIDC CreateToken with the cached refresh token and client registration
 * (POST /token, JSON, grantType refresh_token), as `aws sso login` sessions are refreshed.
 */
export async function createToken(
  entry: SsoCacheEntry,
  endpoint: URL,
  http: SsoHttpOptions,
): Promise<RefreshedToken> {
  const body = JSON.stringify({
    clientId: entry.clientId,
    clientSecret: entry.clientSecret,
    grantType: "refresh_token",
    refreshToken: entry.refreshToken,
  });
  const url = endpointPath(endpoint, "/token");
  const headers = { "content-type": "application/json" };
  const response = await ssoRequest("SSO OIDC CreateToken", { method: "POST", url, headers, body }, http);
  if (response.status !== 200) {
    throw new RefreshFailure(`SSO OIDC answered HTTP ${response.status}${errorCode(response.body)}`);
  }
  return parseAnswer(response.body);
}
