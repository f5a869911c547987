import type { Transport } from "@lanyard/http";
import { CredentialsError, notConfigured } from "../errors.js";
import { processEnv } from "../from-env.js";
import { numberOption } from "../number-option.js";
import { createCredentials } from "../redact.js";
import type { AwsCredentials, CredentialProvider, Env } from "../types.js";
import { loadDpopKey } from "./dpop-proof.js";
import { errnoCode } from "./errno.js";
import { loginCacheDirectory, loginCacheFile, readLoginCache, writeLoginCache } from "./login-cache.js";
import { loginError, runLogin } from "./login-errors.js";
import { type RefreshedSession, refreshLoginSession } from "./login-refresh.js";
import { type LoginToken, parseLoginToken } from "./login-token.js";
import {
  loadSharedConfig,
  profileName,
  profileSettings,
  type SharedConfig,
  type SharedConfigOptions,
} from "./shared-config.js";
import { resolveSigninEndpoint } from "./signin-endpoint.js";

/** How a console-login session is refreshed; the same for every profile. */
export interface LoginSessionOptions {
  /** Sends the refresh request; defaults to a one-off node:http(s) request. */
  transport?: Transport;
  /** Base URL of the sign-in service; wins over AWS_ENDPOINT_URL_SIGNIN and AWS_ENDPOINT_URL. */
  endpoint?: string;
  /** Region of the sign-in endpoint when the profile sets none (then AWS_REGION). */
  region?: string;
  /** Per attempt, without a `transport` (default 10 000 ms). */
  timeoutMs?: number;
  /** Attempts at the token endpoint, counting the first (default 3). */
  maxAttempts?: number;
  /** Waits between attempts; injected by tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** One `login_session` profile, as a profile resolver hands it over. */
export interface LoginSessionProfile extends LoginSessionOptions {
  profile: string;
  /** The profile's settings (`login_session`, `region`). */
  settings: Readonly<Record<string, string | undefined>>;
  /** The loaded shared files, for the sign-in endpoint settings. */
  config: SharedConfig;
  env: Env;
  /** Home directory for ~/.aws/login/cache; defaults to HOME / USERPROFILE, then `os.homedir()`. */
  homedir?: string;
  /** Clock in epoch milliseconds. */
  now: () => number;
}

export interface FromLoginSessionOptions extends LoginSessionOptions, SharedConfigOptions {
  /** Defaults to AWS_PROFILE, then `default`. */
  profile?: string;
  now?: () => number;
}

/** Refresh this close to expiry, as both SDKs' fetchers do (5 minutes). */
export const LOGIN_REFRESH_THRESHOLD_MS = 5 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 3;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function toCredentials(profile: string, access: LoginToken["accessToken"], expiration: Date): AwsCredentials {
  return createCredentials(
    {
      accessKeyId: access.accessKeyId,
      secretAccessKey: access.secretAccessKey,
      sessionToken: access.sessionToken,
      accountId: access.accountId,
      expiration,
    },
    `profile "${profile}" (console login)`,
  );
}

async function readCache(profile: string, path: string): Promise<string> {
  let text: string | undefined;
  try {
    text = await readLoginCache(path);
  } catch (error) {
    // The size cap's error says what is wrong with the file; any other is the file system's.
    if (error instanceof CredentialsError) {
      throw loginError(
        error.code,
        profile,
        `${path} is too large to be a session file`,
        runLogin(profile),
        error,
      );
    }
    const fix = `check the file's permissions, or ${runLogin(profile)}`;
    throw loginError("file-unreadable", profile, `cannot read ${path} (${errnoCode(error)})`, fix, error);
  }
  if (text === undefined) throw loginError("login-required", profile, `no cached session at ${path}`);
  return text;
}

/** The cached session with every field the CLI writes and the new keys and refresh token. */
function rotated(token: LoginToken, session: RefreshedSession, expiresAt: Date): LoginToken {
  return {
    ...token,
    accessToken: {
      ...token.accessToken,
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiresAt: expiresAt.toISOString(),
    },
    refreshToken: session.refreshToken,
  };
}

async function refresh(input: LoginSessionProfile, path: string, token: LoginToken): Promise<AwsCredentials> {
  const { profile } = input;
  const source = `profile "${profile}" (console login)`;
  const attemptsRule = { source, name: "maxAttempts", min: 0, whole: true };
  const key = loadDpopKey(token.dpopKey);
  if (key === undefined) {
    throw loginError("login-required", profile, `dpopKey in ${path} is not a P-256 private key in PEM form`);
  }
  const session = await refreshLoginSession({
    profile,
    url: resolveSigninEndpoint(input),
    key,
    clientId: token.clientId,
    refreshToken: token.refreshToken,
    ...(input.transport ? { transport: input.transport } : {}),
    timeoutMs: numberOption(input.timeoutMs, DEFAULT_TIMEOUT_MS, { source, name: "timeoutMs", min: 1 }),
    maxAttempts: Math.max(1, numberOption(input.maxAttempts, DEFAULT_MAX_ATTEMPTS, attemptsRule)),
    now: input.now,
    sleep: input.sleep ?? delay,
  });
  const expiresAt = new Date(input.now() + session.expiresInSeconds * 1000);
  const next = rotated(token, session, expiresAt);
  try {
    await writeLoginCache(path, next);
  } catch (error) {
    // The old refresh token may be spent now, so the session is lost: say so rather than serve
    // credentials that the next process could not refresh.
    const what = `the refreshed session could not be saved to ${path} (${errnoCode(error)})`;
    const fix = `make the directory writable, then ${runLogin(profile)}`;
    throw loginError("login-refresh-failed", profile, what, fix, error);
  }
  return toCredentials(profile, next.accessToken, expiresAt);
}

/**
 * Credentials of a `login_session` profile (`aws login`, AWS CLI 2.32+): read from the CLI's
 * cache, refreshed through the sign-in service when they are within 5 minutes of expiry, and
 * the refreshed session written back. Every failure stops a chain and names the fix.
 */
export async function loginSessionCredentials(input: LoginSessionProfile): Promise<AwsCredentials> {
  const { profile } = input;
  const session = input.settings.login_session;
  if (!session) throw notConfigured(`profile "${profile}" has no login_session`);
  const path = loginCacheFile(loginCacheDirectory(input.env, input.homedir), session);
  const parsed = parseLoginToken(await readCache(profile, path));
  if ("problem" in parsed) {
    throw loginError(
      "login-required",
      profile,
      `the cached session in ${path} is unusable: ${parsed.problem}`,
    );
  }
  if (parsed.expiresAt.getTime() - input.now() > LOGIN_REFRESH_THRESHOLD_MS) {
    return toCredentials(profile, parsed.token.accessToken, parsed.expiresAt);
  }
  return refresh(input, path, parsed.token);
}

/**
 * Console-login credentials for the selected profile (option, AWS_PROFILE, else `default`).
 * A profile without `login_session` is "not configured", so a chain moves on; once a profile has
 * one, nothing else is tried.
 */
export function fromLoginSession(options: FromLoginSessionOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const config = await loadSharedConfig({ ...options, env });
    const profile = profileName(options.profile, env);
    const settings = profileSettings(config, profile);
    if (!settings?.login_session) {
      const why = settings === undefined ? "is not in the shared config file" : "has no login_session";
      throw notConfigured(
        `fromLoginSession: profile "${profile}" ${why}; ${runLogin(profile)} to use console credentials`,
      );
    }
    return loginSessionCredentials({
      ...options,
      profile,
      settings,
      config,
      env,
      now: options.now ?? Date.now,
    });
  };
}
