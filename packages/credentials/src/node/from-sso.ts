import type { Transport } from "@lanyard/http";
import { CredentialsError, notConfigured } from "../errors.js";
import { processEnv } from "../from-env.js";
import { numberOption } from "../number-option.js";
import type { AwsCredentials, CredentialProvider, Env } from "../types.js";
import { endpointSettings, settingContext } from "./settings.js";
import {
  isProfileSelected,
  loadSharedConfig,
  profileName,
  profileNotFound,
  profileSettings,
  resolveHome,
  type SharedConfig,
  type SharedConfigOptions,
} from "./shared-config.js";
import { isSsoProfile, type SsoProfileConfig, ssoProfileConfig } from "./sso-config.js";
import { ssoEndpoint } from "./sso-endpoints.js";
import { getRoleCredentials } from "./sso-portal.js";
import { ssoAccessToken } from "./sso-token.js";

/** How IAM Identity Center is reached. */
export interface SsoHttpSettings {
  /** The client's transport (proxies, CA bundle…); without one a plain node:http(s) request is made. */
  transport?: Transport;
  /** Per request to the portal or SSO OIDC (default 15 000 ms). */
  ssoTimeoutMs?: number;
}

export interface SsoContext extends SsoHttpSettings {
  config: SharedConfig;
  env: Env;
  home: string;
  now: () => number;
}

/** Credentials for a validated SSO configuration: the cached (maybe refreshed) token, then the portal. */
async function ssoCredentials(config: SsoProfileConfig, settingsProfile: string, ctx: SsoContext) {
  const lookup = settingContext(ctx.config, { profile: settingsProfile, env: ctx.env, home: ctx.home });
  const rule = { source: `profile "${config.profile}"`, name: "ssoTimeoutMs", min: 1 };
  const http = { transport: ctx.transport, timeoutMs: numberOption(ctx.ssoTimeoutMs, 15_000, rule) };
  const token = await ssoAccessToken(config, {
    home: ctx.home,
    now: ctx.now,
    http,
    oidcEndpoint: () => ssoEndpoint("sso-oidc", config.region, endpointSettings(lookup, "sso-oidc")),
  });
  const portal = ssoEndpoint("sso", config.region, endpointSettings(lookup, "sso"));
  return getRoleCredentials(config, token, portal, http);
}

/**
 * An IAM Identity Center profile (`sso_session` or the legacy `sso_start_url`): validated,
 * then resolved through the AWS CLI's token cache and the portal. Every failure stops a
 * chain: an SSO profile never falls through to another source.
 */
export function resolveSsoProfile(
  name: string,
  settings: Record<string, string>,
  ctx: SsoContext,
): Promise<AwsCredentials> {
  return ssoCredentials(ssoProfileConfig(name, settings, ctx.config), name, ctx);
}

/** Explicit IAM Identity Center settings, as the JS SDK's `fromSSO` takes them. */
export interface SsoSettings {
  ssoStartUrl?: string;
  ssoAccountId?: string;
  ssoRegion?: string;
  ssoRoleName?: string;
  /** The sso-session whose cached token to use (and refresh); without it, the start URL's. */
  ssoSession?: string;
}

export interface FromSsoOptions extends SharedConfigOptions, SsoHttpSettings, SsoSettings {
  /** Defaults to AWS_PROFILE, then `default`. */
  profile?: string;
  now?: () => number;
}

/** Whether any explicit SSO setting is given (the default chain's SSO step runs only then). */
export function hasSsoSettings(options: SsoSettings): boolean {
  return Boolean(
    options.ssoStartUrl ||
      options.ssoAccountId ||
      options.ssoRegion ||
      options.ssoRoleName ||
      options.ssoSession,
  );
}

const NO_SESSIONS = { ssoSessions: Object.create(null), files: { config: "", credentials: "" } };
const SSO_OPTIONS = ["ssoStartUrl", "ssoAccountId", "ssoRegion", "ssoRoleName", "ssoSession"] as const;

/**
 * The `sso*` options are hashed into the token cache's file name and sent to the portal as text:
 * anything else is a TypeError from node:crypto, or an account ID written as a number, which
 * loses its leading zeros and names another account.
 */
function checkSsoOptions(options: SsoSettings): void {
  for (const name of SSO_OPTIONS) {
    const value: unknown = options[name];
    if (value === undefined || value === null || typeof value === "string") continue;
    const hint = name === "ssoAccountId" ? ' (quote the account ID, e.g. "012345678901")' : "";
    throw new CredentialsError("invalid-config", `fromSso: the ${name} option must be a string${hint}`);
  }
}

function explicitConfig(options: SsoSettings, profile: string): SsoProfileConfig {
  checkSsoOptions(options);
  const { ssoStartUrl, ssoAccountId, ssoRegion, ssoRoleName, ssoSession } = options;
  if (!ssoStartUrl || !ssoAccountId || !ssoRegion || !ssoRoleName) {
    throw new CredentialsError(
      "invalid-config",
      "fromSso: ssoStartUrl, ssoAccountId, ssoRegion and ssoRoleName must all be given",
    );
  }
  const settings: Record<string, string> = {
    sso_start_url: ssoStartUrl,
    sso_account_id: ssoAccountId,
    sso_region: ssoRegion,
    sso_role_name: ssoRoleName,
  };
  const config = ssoProfileConfig(profile, settings, NO_SESSIONS);
  return ssoSession ? { ...config, session: ssoSession } : config;
}

/** The selected profile's settings, or a `not-configured` / `profile-not-found` error. */
function selectedSsoProfile(
  config: SharedConfig,
  options: FromSsoOptions,
  env: Env,
): [string, Record<string, string>] {
  const name = profileName(options.profile, env);
  const settings = profileSettings(config, name);
  if (settings === undefined) {
    if (isProfileSelected(options.profile, env)) throw profileNotFound(name, config.files);
    throw notConfigured(`fromSso: profile "${name}" is not defined`);
  }
  if (!isSsoProfile(settings))
    throw notConfigured(`fromSso: profile "${name}" is not an IAM Identity Center profile`);
  return [name, settings];
}

/**
 * IAM Identity Center credentials: from the explicit `sso*` settings when given, otherwise
 * from the selected profile (option, AWS_PROFILE, `default`) if it is an SSO profile.
 */
export function fromSso(options: FromSsoOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const config = await loadSharedConfig({ ...options, env });
    const ctx: SsoContext = {
      ...options,
      config,
      env,
      home: resolveHome(options, env),
      now: options.now ?? Date.now,
    };
    if (hasSsoSettings(options)) {
      const name = profileName(options.profile, env);
      return ssoCredentials(explicitConfig(options, name), name, ctx);
    }
    const [name, settings] = selectedSsoProfile(config, options, env);
    return resolveSsoProfile(name, settings, ctx);
  };
}
