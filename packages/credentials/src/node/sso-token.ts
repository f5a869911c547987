import { CredentialsError } from "../errors.js";
import { type SsoProfileConfig, ssoLoginCommand } from "./sso-config.js";
import type { SsoHttpOptions } from "./sso-http.js";
import { createToken, RefreshFailure } from "./sso-oidc.js";
import {
  type CacheProblem,
  readSsoCache,
  type SsoCacheEntry,
  ssoCachePath,
  writeSsoCache,
} from "./sso-token-cache.js";

/**
 * A token is refreshed once it has less than this left: the JS SDK's window (botocore
 * refreshes 15 minutes ahead).
 */
export const SSO_REFRESH_WINDOW_MS = 5 * 60 * 1000;

/**
 * After a refresh attempt, a token is not refreshed again for this long, and a valid token is
 * used meanwhile: the JS SDK's throttle, so a failing SSO OIDC is not asked on every resolution.
 */
export const SSO_REFRESH_THROTTLE_MS = 30 * 1000;

// Per token cache file: when its last refresh was tried, and the refresh under way. Concurrent
// resolutions share one refresh, so a rotated refresh token is never sent twice.
const lastAttempt = new Map<string, number>();
const running = new Map<string, Promise<string>>();

export interface SsoTokenDeps {
  home: string;
  now: () => number;
  http: SsoHttpOptions;
  /** The SSO OIDC endpoint, resolved only when a refresh is needed. */
  oidcEndpoint: () => URL;
}

function loginRequired(config: SsoProfileConfig, why: string): CredentialsError {
  return new CredentialsError(
    "sso-login-required",
    `profile "${config.profile}": ${why}; run ${ssoLoginCommand(config)}`,
  );
}

function cacheProblem(config: SsoProfileConfig, path: string, problem: CacheProblem): CredentialsError {
  const what =
    config.session === undefined ? `start URL ${config.startUrl}` : `sso-session "${config.session}"`;
  if (problem === "missing")
    return loginRequired(config, `no IAM Identity Center token is cached for ${what} (${path})`);
  const state =
    problem === "malformed" ? "is not a token cache entry (not JSON)" : "lacks accessToken or expiresAt";
  return loginRequired(config, `the token cache ${path} ${state}`);
}

function canRefresh(entry: SsoCacheEntry): boolean {
  // Like the JS SDK, an expired client registration is left for SSO OIDC to refuse (botocore
  // does not try); either way the answer is `aws sso login`.
  const { refreshToken, clientId, clientSecret } = entry;
  return typeof refreshToken === "string" && typeof clientId === "string" && typeof clientSecret === "string";
}

/** The AWS CLI writes `expiresAt` without fractions of a second. */
function cliTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

async function refresh(entry: SsoCacheEntry, path: string, deps: SsoTokenDeps) {
  const fresh = await createToken(entry, deps.oidcEndpoint(), deps.http);
  const expiresAt = deps.now() + fresh.expiresInSeconds * 1000;
  // A lifetime past the last date a Date can hold would make cliTimestamp throw a RangeError.
  if (Number.isNaN(new Date(expiresAt).getTime()))
    throw new RefreshFailure("SSO OIDC's answer has an expiresIn too large to be a token's lifetime");
  const updated: SsoCacheEntry = {
    ...entry,
    accessToken: fresh.accessToken,
    expiresAt: cliTimestamp(expiresAt),
    ...(fresh.refreshToken === undefined ? {} : { refreshToken: fresh.refreshToken }),
  };
  // As both SDKs: a cache that cannot be written does not fail the call that refreshed it.
  await writeSsoCache(path, updated).catch(() => undefined);
  return fresh.accessToken;
}

/**
 * The access token for an SSO profile, from the AWS CLI's cache. For the sso-session form
 * a token inside the refresh window is renewed through SSO OIDC with the cached refresh
 * token and written back, by one refresh at a time and at most one every 30 s per token;
 * a refresh that fails leaves a still valid token in use. Legacy
 * profiles cannot refresh. A missing, unreadable or expired token is `sso-login-required`.
 */
export async function ssoAccessToken(config: SsoProfileConfig, deps: SsoTokenDeps): Promise<string> {
  const path = ssoCachePath(deps.home, config.session ?? config.startUrl);
  const entry = await readSsoCache(path);
  if (typeof entry === "string") throw cacheProblem(config, path, entry);
  const now = deps.now();
  const expiresAt = Date.parse(entry.expiresAt);
  const expired = `the IAM Identity Center token expired at ${new Date(expiresAt).toISOString()}`;
  if (config.session === undefined || expiresAt - now > SSO_REFRESH_WINDOW_MS) {
    if (expiresAt <= now) throw loginRequired(config, expired);
    return entry.accessToken;
  }
  if (!canRefresh(entry)) {
    if (expiresAt <= now)
      throw loginRequired(config, `${expired} and the cache holds no usable refresh token`);
    return entry.accessToken;
  }
  const underway = running.get(path);
  if (underway !== undefined) return underway;
  if (now - (lastAttempt.get(path) ?? Number.NEGATIVE_INFINITY) < SSO_REFRESH_THROTTLE_MS) {
    if (expiresAt <= now)
      throw loginRequired(config, `${expired} and a refresh was tried less than 30 s ago`);
    return entry.accessToken;
  }
  lastAttempt.set(path, now);
  const attempt = refreshOrKeep(config, { entry, path, expiresAt, expired }, deps).finally(() =>
    running.delete(path),
  );
  running.set(path, attempt);
  return attempt;
}

interface CachedToken {
  entry: SsoCacheEntry;
  path: string;
  expiresAt: number;
  expired: string;
}

/** A refresh whose failure leaves a still valid token in use. */
async function refreshOrKeep(
  config: SsoProfileConfig,
  token: CachedToken,
  deps: SsoTokenDeps,
): Promise<string> {
  try {
    return await refresh(token.entry, token.path, deps);
  } catch (error) {
    if (!(error instanceof RefreshFailure) && !(error instanceof CredentialsError)) throw error;
    if (token.expiresAt > deps.now()) return token.entry.accessToken;
    throw loginRequired(config, `${token.expired} and could not be refreshed (${error.message})`);
  }
}
