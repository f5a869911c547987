import { CredentialsError } from "../errors.js";
import type { SharedConfig } from "./shared-config.js";

type Settings = Record<string, string>;

/** An IAM Identity Center profile, with its `[sso-session]` (if any) folded in. */
export interface SsoProfileConfig {
  profile: string;
  /** The sso-session name; absent for the legacy `sso_start_url` form. */
  session?: string;
  startUrl: string;
  region: string;
  accountId: string;
  roleName: string;
}

const SSO_KEYS = ["sso_start_url", "sso_account_id", "sso_session", "sso_region", "sso_role_name"];

/** Any `sso_*` key makes a profile an SSO profile (as in the JS SDK), to be validated as one. */
export function isSsoProfile(settings: Settings): boolean {
  return SSO_KEYS.some((key) => settings[key] !== undefined);
}

function shellWord(name: string): string {
  return /^[\w@%+=:,./-]+$/.test(name) ? name : `"${name.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** The command that logs the profile in: `aws sso login --profile dev` (`aws sso login` for default). */
export function ssoLoginCommand(config: Pick<SsoProfileConfig, "profile" | "session">): string {
  const command =
    config.profile === "default" ? "aws sso login" : `aws sso login --profile ${shellWord(config.profile)}`;
  return config.session === undefined
    ? command
    : `${command} (or aws sso login --sso-session ${shellWord(config.session)})`;
}

function invalid(profile: string, problem: string, fix: string): CredentialsError {
  return new CredentialsError("invalid-config", `profile "${profile}" ${problem}; ${fix}`);
}

/** Joins a profile and its sso-session; a key both set must agree (botocore's rule). */
type SessionSource = Pick<SharedConfig, "ssoSessions" | "files">;

function withSession(name: string, s: Settings, config: SessionSource, session: string): Settings {
  const values = config.ssoSessions[session];
  const fix = `run \`aws configure sso-session\` or fix ${config.files.config}`;
  if (values === undefined) {
    throw invalid(
      name,
      `uses sso_session "${session}" but there is no [sso-session ${session}] section`,
      fix,
    );
  }
  for (const key of ["sso_start_url", "sso_region"]) {
    if (values[key] === undefined)
      throw invalid(name, `uses [sso-session ${session}], which lacks ${key}`, fix);
    if (s[key] !== undefined && s[key] !== values[key]) {
      throw invalid(name, `sets a different ${key} than its [sso-session ${session}]`, fix);
    }
  }
  return { ...s, ...values };
}

/**
 * Validates an SSO profile as the SDKs do: the sso-session form needs the session's
 * `sso_start_url` and `sso_region`, the legacy form its own; both need `sso_account_id`
 * and `sso_role_name`. Problems are `invalid-config` errors naming the profile and the fix.
 */
export function ssoProfileConfig(name: string, s: Settings, config: SessionSource): SsoProfileConfig {
  const session = s.sso_session;
  const merged = session === undefined ? s : withSession(name, s, config, session);
  const missing = ["sso_start_url", "sso_region", "sso_account_id", "sso_role_name"].filter(
    (key) => !merged[key],
  );
  if (missing.length > 0) {
    throw invalid(
      name,
      `is set up for IAM Identity Center but lacks ${missing.join(", ")}`,
      `run \`aws configure sso --profile ${shellWord(name)}\``,
    );
  }
  const region = merged.sso_region as string;
  if (!/^[a-z0-9-]{1,63}$/i.test(region)) {
    throw invalid(
      name,
      `has an sso_region that is not a region name`,
      "set it to the region of the IAM Identity Center instance, e.g. us-east-1",
    );
  }
  return {
    profile: name,
    ...(session === undefined ? {} : { session }),
    startUrl: merged.sso_start_url as string,
    region,
    accountId: merged.sso_account_id as string,
    roleName: merged.sso_role_name as string,
  };
}
