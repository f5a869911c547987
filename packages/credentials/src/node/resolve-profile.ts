import { CredentialsError, notConfigured } from "../errors.js";
import { fromEnv } from "../from-env.js";
import { createCredentials } from "../redact.js";
import type { AssumeRoleParams, AwsCredentials, RoleAssumer, WebIdentityAssumer } from "../types.js";
import { type FromContainerOptions, fromContainer } from "./from-container.js";
import { type FromInstanceMetadataOptions, fromInstanceMetadata } from "./from-instance-metadata.js";
import { type LoginSessionOptions, loginSessionCredentials } from "./from-login-session.js";
import { type ProcessOptions, runCredentialProcess } from "./from-process.js";
import { resolveSsoProfile, type SsoContext } from "./from-sso.js";
import { assumeWithTokenFile, STS_CLIENT_HINT } from "./from-token-file.js";
import { instanceMetadataOptions } from "./imds-options.js";
import { namingSettings } from "./refused-settings.js";
import { profileValue } from "./setting-source.js";
import { positiveInteger } from "./setting-values.js";
import { profileNotFound, profileSettings } from "./shared-config.js";
import { isSsoProfile } from "./sso-config.js";

/** The settings of a role profile that become AssumeRole's input. */
const ROLE_SETTINGS = ["role_arn", "role_session_name", "external_id", "duration_seconds", "mfa_serial"];

export interface ProfileHooks {
  assumeRole?: RoleAssumer;
  assumeRoleWithWebIdentity?: WebIdentityAssumer;
  mfaCodeProvider?: (serial: string) => Promise<string>;
}

export interface ProfileContext extends ProfileHooks, SsoContext {
  /** Whether the profile was chosen (option or AWS_PROFILE): a missing one is then an error. */
  selected?: boolean;
  process?: ProcessOptions;
  container?: FromContainerOptions;
  instanceMetadata?: FromInstanceMetadataOptions;
  /** Console login (`login_session` profiles). */
  login?: LoginSessionOptions;
  homedir?: string;
}

type Settings = Record<string, string>;

const hasStaticKeys = (s: Settings): boolean => Boolean(s.aws_access_key_id && s.aws_secret_access_key);

function staticCredentials(name: string, s: Settings): AwsCredentials {
  return createCredentials(
    {
      accessKeyId: s.aws_access_key_id ?? "",
      secretAccessKey: s.aws_secret_access_key ?? "",
      sessionToken: s.aws_session_token || undefined,
      accountId: s.aws_account_id || undefined,
    },
    `profile "${name}"`,
  );
}

/** `credential_source` names where a role profile's source credentials come from (CLI docs). */
async function credentialSource(name: string, source: string, ctx: ProfileContext): Promise<AwsCredentials> {
  switch (source) {
    case "Environment":
      return fromEnv({ env: ctx.env })();
    case "Ec2InstanceMetadata": {
      const where = { profile: name, env: ctx.env, home: ctx.home };
      return fromInstanceMetadata(instanceMetadataOptions(ctx.config, where, ctx.instanceMetadata))();
    }
    case "EcsContainer":
      return fromContainer({ ...ctx.container, env: ctx.env })();
    default:
      throw new CredentialsError(
        "unsupported",
        `profile "${name}": credential_source "${source}" is not one of Environment, Ec2InstanceMetadata, EcsContainer`,
      );
  }
}

/**
 * A role profile whose credential_source yields nothing is a broken configuration, not an
 * unset source: a chain must stop here rather than go on to, say, the instance's own role.
 */
function sourceFailed(name: string, error: unknown): unknown {
  if (!(error instanceof CredentialsError) || !error.tryNext) return error;
  return new CredentialsError(error.code, `profile "${name}": credential_source failed: ${error.message}`, {
    cause: error,
  });
}

function fromCredentialSource(name: string, s: Settings, ctx: ProfileContext): Promise<AwsCredentials> {
  return credentialSource(name, s.credential_source ?? "", ctx).catch((error: unknown) => {
    throw sourceFailed(name, error);
  });
}

/**
 * `duration_seconds` as a whole number. Read with parseInt, as the JS SDK reads it, `1h` would
 * ask STS for a one-second session and `one hour` for NaN; the error names the setting and its
 * file instead. Credentials file first, as the profile's other settings are merged.
 */
function durationSeconds(name: string, ctx: ProfileContext): number | undefined {
  const lookup = { config: ctx.config, env: ctx.env, profile: name, home: ctx.home };
  const found = profileValue(lookup, ["duration_seconds"], "credentials");
  return found === undefined ? undefined : positiveInteger(found, lookup, "duration_seconds");
}

async function roleParams(name: string, s: Settings, ctx: ProfileContext): Promise<AssumeRoleParams> {
  const params: AssumeRoleParams = {
    roleArn: s.role_arn ?? "",
    roleSessionName: s.role_session_name || `lanyard-${ctx.now()}`,
  };
  if (s.external_id) params.externalId = s.external_id;
  const duration = durationSeconds(name, ctx);
  if (duration !== undefined) params.durationSeconds = duration;
  if (s.region) params.region = s.region;
  if (s.mfa_serial) {
    if (ctx.mfaCodeProvider === undefined) {
      throw new CredentialsError(
        "mfa-code-missing",
        `profile "${name}" requires MFA (mfa_serial); pass mfaCodeProvider to supply the code`,
      );
    }
    params.serialNumber = s.mfa_serial;
    params.tokenCode = await ctx.mfaCodeProvider(s.mfa_serial);
  }
  return params;
}

async function assumeRoleProfile(
  name: string,
  s: Settings,
  ctx: ProfileContext,
  visited: readonly string[],
): Promise<AwsCredentials> {
  const { assumeRole } = ctx;
  if (assumeRole === undefined) {
    throw new CredentialsError(
      "role-assumer-missing",
      `profile "${name}" assumes role ${s.role_arn}; ${STS_CLIENT_HINT} (assumeRole)`,
    );
  }
  const sourceProfile = s.source_profile;
  if (sourceProfile && visited.includes(sourceProfile)) {
    throw new CredentialsError(
      "profile-cycle",
      `profile "${name}": source_profile "${sourceProfile}" forms a cycle (${[...visited, sourceProfile].join(" -> ")}); ` +
        "point one of them at a profile with credentials",
    );
  }
  const source = sourceProfile
    ? await resolveProfile(sourceProfile, ctx, [...visited, sourceProfile])
    : await fromCredentialSource(name, s, ctx);
  const params = await roleParams(name, s, ctx);
  return namingSettings(`profile "${name}"`, ROLE_SETTINGS, () => assumeRole(source, params));
}

/** A role profile names exactly one of source_profile and credential_source (both SDKs). */
function isRoleProfile(name: string, s: Settings): boolean {
  if (!s.role_arn || !(s.source_profile || s.credential_source)) return false;
  if (s.source_profile && s.credential_source) {
    throw new CredentialsError(
      "invalid-config",
      `profile "${name}" sets both source_profile and credential_source; keep the one its role should use`,
    );
  }
  return true;
}

function missingProfile(name: string, ctx: ProfileContext, nested: boolean): CredentialsError {
  if (nested) {
    return new CredentialsError(
      "profile-not-found",
      `source_profile "${name}" is not defined; define it or fix source_profile`,
    );
  }
  if (ctx.selected) return profileNotFound(name, ctx.config.files);
  return notConfigured(`fromIni: profile "${name}" is not in the shared config or credentials file`);
}

/** What a profile that is not a role profile resolves to, in the JS SDK's order. */
function resolveOwnCredentials(
  name: string,
  s: Settings,
  ctx: ProfileContext,
): Promise<AwsCredentials> | undefined {
  if (hasStaticKeys(s)) return Promise.resolve(staticCredentials(name, s));
  if (s.role_arn && s.web_identity_token_file) {
    return assumeWithTokenFile({
      tokenFile: s.web_identity_token_file,
      roleArn: s.role_arn,
      roleSessionName: s.role_session_name || `lanyard-${ctx.now()}`,
      region: s.region,
      hook: ctx.assumeRoleWithWebIdentity,
      source: `profile "${name}"`,
      settings: ["role_arn", "role_session_name"],
    });
  }
  if (s.credential_process)
    return runCredentialProcess(s.credential_process, { now: ctx.now, ...ctx.process }, name);
  if (isSsoProfile(s)) return resolveSsoProfile(name, s, ctx);
  // Console login (`aws login`), checked last as in aws-sdk-js-v3 `resolveProfileData`.
  if (s.login_session) {
    const { env, now } = ctx;
    const homedir = ctx.homedir ?? ctx.home;
    return loginSessionCredentials({
      ...ctx.login,
      profile: name,
      settings: s,
      config: ctx.config,
      env,
      homedir,
      now,
    });
  }
  return undefined;
}

/**
 * Resolves one profile as the SDKs do (aws-sdk-js-v3 credential-provider-ini
 * `resolveProfileData`): a source profile with static keys uses them even if it also
 * has `role_arn` (so a profile may name itself as its source), and one with only
 * `credential_source` uses that source; otherwise a role profile assumes its role, then
 * static keys, web identity, `credential_process`, IAM Identity Center and console login
 * are tried. `visited` is the chain of source profiles, for cycle detection.
 */
export async function resolveProfile(
  name: string,
  ctx: ProfileContext,
  visited: readonly string[] = [],
): Promise<AwsCredentials> {
  const nested = visited.length > 0;
  const s = profileSettings(ctx.config, name);
  if (s === undefined) throw missingProfile(name, ctx, nested);
  if (nested && hasStaticKeys(s)) return staticCredentials(name, s);
  if (nested && !s.role_arn && s.credential_source) return fromCredentialSource(name, s, ctx);
  if (isRoleProfile(name, s)) return assumeRoleProfile(name, s, ctx, visited);
  const own = resolveOwnCredentials(name, s, ctx);
  if (own !== undefined) return own;
  if (!nested) throw notConfigured(`fromIni: profile "${name}" has no credentials`);
  throw new CredentialsError("invalid-config", `source_profile "${name}" has no credentials`);
}
