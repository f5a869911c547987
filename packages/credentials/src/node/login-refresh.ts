import type { KeyObject } from "node:crypto";
import type { Transport } from "@lanyard/http";
import type { CredentialsError } from "../errors.js";
import { createDpopProof } from "./dpop-proof.js";
import { failureReason, simpleRequest } from "./http-request.js";
import { parseJsonObject } from "./json-object.js";
import { loginError, runLogin } from "./login-errors.js";

/** One refresh of a console-login session at the sign-in token endpoint. */
export interface TokenRefresh {
  profile: string;
  url: URL;
  key: KeyObject;
  clientId: string;
  refreshToken: string;
  transport?: Transport;
  timeoutMs: number;
  maxAttempts: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** What the token endpoint returned for a `refresh_token` grant. */
export interface RefreshedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

interface Reply {
  status: number;
  body: string;
}

/** The JavaScript SDK's default when the answer has no `expiresIn` (botocore requires it). */
const DEFAULT_EXPIRES_IN_SECONDS = 900;
/** Before the second and third attempts; the SDKs' standard retry starts at 100 ms too. */
const BACKOFF_MS = 100;

async function post(refresh: TokenRefresh, body: string, proof: string): Promise<Reply> {
  const headers = { "content-type": "application/json", accept: "application/json", DPoP: proof };
  if (refresh.transport) {
    const response = await refresh.transport.send({ method: "POST", url: refresh.url, headers, body });
    return { status: response.status, body: new TextDecoder().decode(response.body) };
  }
  return simpleRequest({
    method: "POST",
    url: refresh.url,
    headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    body,
    timeoutMs: refresh.timeoutMs,
  });
}

/** The model's error shapes and OAuth2ErrorCode values (signin 2023-01-01 service-2.json). */
const KNOWN_CODES = new Set([
  "AccessDeniedException",
  "ValidationException",
  "TooManyRequestsError",
  "InternalServerException",
  "TOKEN_EXPIRED",
  "USER_CREDENTIALS_CHANGED",
  "INSUFFICIENT_PERMISSIONS",
  "AUTHCODE_EXPIRED",
  "server_error",
  "INVALID_REQUEST",
  "RESOURCE_NOT_FOUND",
  "CONFLICT",
  "SERVICE_QUOTA_EXCEEDED",
]);

/**
 * A service error code for a message, only if it is one the model defines: whatever else a
 * server puts there (an echoed token, say) stays out of the message.
 */
function safeCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const code = value.split("#").pop()?.split(":")[0];
  return code !== undefined && KNOWN_CODES.has(code) ? code : undefined;
}

/**
 * A refusal as the SDKs read it: AccessDeniedException's `error` (aws-sdk-js-v3
 * `LoginCredentialsFetcher.refresh`, botocore `refresh_credentials`). TOKEN_EXPIRED and
 * USER_CREDENTIALS_CHANGED need a new `aws login`; INSUFFICIENT_PERMISSIONS needs a policy change.
 */
function refusal(refresh: TokenRefresh, reply: Reply): CredentialsError {
  const body = parseJsonObject(reply.body);
  const error = safeCode(body?.error);
  const type = safeCode(body?.__type ?? body?.code);
  const detail = [`HTTP ${reply.status}`, type, error].filter(Boolean).join(", ");
  const { profile } = refresh;
  if (error === "TOKEN_EXPIRED") {
    return loginError("login-required", profile, `the login session has expired (${detail})`);
  }
  if (error === "USER_CREDENTIALS_CHANGED") {
    return loginError(
      "login-required",
      profile,
      `the session cannot be refreshed because the password changed (${detail})`,
      `${runLogin(profile)} and sign in with the new password`,
    );
  }
  if (error === "INSUFFICIENT_PERMISSIONS") {
    return loginError(
      "login-refresh-failed",
      profile,
      `the identity may not refresh its session (${detail})`,
      `grant it signin:CreateOAuth2Token, then ${runLogin(profile)}`,
    );
  }
  return loginError("login-required", profile, `the sign-in service refused the refresh (${detail})`);
}

const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

function refreshedSession(refresh: TokenRefresh, reply: Reply): RefreshedSession {
  const body = parseJsonObject(reply.body);
  const access = body?.accessToken as Record<string, unknown> | undefined;
  const field = (record: Record<string, unknown> | undefined, name: string): string | undefined =>
    typeof record?.[name] === "string" && record[name] !== "" ? (record[name] as string) : undefined;
  const accessKeyId = field(access, "accessKeyId");
  const secretAccessKey = field(access, "secretAccessKey");
  const sessionToken = field(access, "sessionToken");
  const refreshToken = field(body, "refreshToken");
  const expiresIn = body?.expiresIn ?? DEFAULT_EXPIRES_IN_SECONDS;
  // The expiry must be a date: past the last one a Date can hold, writing the session back
  // would throw a RangeError.
  const validExpiry =
    typeof expiresIn === "number" &&
    expiresIn > 0 &&
    !Number.isNaN(new Date(refresh.now() + expiresIn * 1000).getTime());
  if (!accessKeyId || !secretAccessKey || !sessionToken || !refreshToken || !validExpiry) {
    return invalidAnswer(refresh);
  }
  return { accessKeyId, secretAccessKey, sessionToken, refreshToken, expiresInSeconds: expiresIn };
}

function invalidAnswer(refresh: TokenRefresh): never {
  throw loginError(
    "login-refresh-failed",
    refresh.profile,
    `the sign-in service at ${refresh.url.origin} answered without the refreshed credentials`,
    `try again later, or ${runLogin(refresh.profile)}`,
  );
}

/**
 * Exchanges the refresh token (grant `refresh_token`) for new temporary credentials and a new
 * refresh token. Network failures, 429 and 5xx are tried again, up to `maxAttempts` in all, as the
 * SDKs' retrying clients do; the grant is idempotent while the refresh token is valid.
 */
export async function refreshLoginSession(refresh: TokenRefresh): Promise<RefreshedSession> {
  const body = JSON.stringify({
    clientId: refresh.clientId,
    grantType: "refresh_token",
    refreshToken: refresh.refreshToken,
  });
  let unreachable = false;
  let lastProblem = "";
  for (let attempt = 1; attempt <= refresh.maxAttempts; attempt++) {
    if (attempt > 1) await refresh.sleep(BACKOFF_MS * 2 ** (attempt - 2));
    // A fresh proof per attempt: its jti must not repeat (RFC 9449 §11.1).
    const proof = createDpopProof({ key: refresh.key, method: "POST", url: refresh.url, now: refresh.now() });
    let reply: Reply;
    try {
      reply = await post(refresh, body, proof);
    } catch (error) {
      unreachable = true;
      lastProblem = `could not reach the sign-in service at ${refresh.url.origin} (${failureReason(error)})`;
      continue;
    }
    if (reply.status === 200) return refreshedSession(refresh, reply);
    if (!isRetryableStatus(reply.status)) throw refusal(refresh, reply);
    unreachable = false;
    lastProblem = `the sign-in service at ${refresh.url.origin} answered HTTP ${reply.status}`;
  }
  throw loginError(
    unreachable ? "http-failed" : "login-refresh-failed",
    refresh.profile,
    `${lastProblem} after ${refresh.maxAttempts} attempt(s)`,
    "check the network, proxy or AWS_ENDPOINT_URL_SIGNIN and try again; if it persists, " +
      runLogin(refresh.profile),
  );
}
