import { CredentialsError, notConfigured } from "../errors.js";
import { fromEnv } from "../from-env.js";
import { createCredentials } from "../redact.js";
import type { AssumeRoleParams, AwsCredentials, Env, RoleAssumer, WebIdentityAssumer } from "../types.js";
import { type FromContainerOptions, fromContainer } from "./from-container.js";
import { type FromInstanceMetadataOptions, fromInstanceMetadata } from "./from-instance-metadata.js";
import { type LoginSessionOptions, loginSessionCredentials } from "./from-login-session.js";
import { type ProcessOptions, runCredentialProcess } from "./from-process.js";
import { assumeWithTokenFile, STS_CLIENT_HINT } from "./from-token-file.js";
import { profileSettings, type SharedConfig } from "./shared-config.js";

export interface ProfileHooks {
  assumeRole?: RoleAssumer;
  assumeRoleWithWebIdentity?: WebIdentityAssumer;
  mfaCodeProvider?: (serial: string) => Promise<string>;
}

export interface ProfileContext extends ProfileHooks {
  config: SharedConfig;
  env: Env;
  now: () => number;
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
    case "Ec2InstanceMetadata":
      return fromInstanceMetadata({ ...ctx.instanceMetadata, env: ctx.env })();
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

async function roleParams(name: string, s: Settings, ctx: ProfileContext): Promise<AssumeRoleParams> {
  const params: AssumeRoleParams = {
    roleArn: s.role_arn ?? "",
    roleSessionName: s.role_session_name || `lanyard-${ctx.now()}`,
  };
  if (s.external_id) params.externalId = s.external_id;
  if (s.duration_seconds) params.durationSeconds = Number.parseInt(s.duration_seconds, 10);
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
  if (ctx.assumeRole === undefined) {
    throw new CredentialsError(
      "role-assumer-missing",
      `profile "${name}" assumes role ${s.role_arn}; ${STS_CLIENT_HINT} (assumeRole)`,
    );
  }
  const sourceProfile = s.source_profile;
  if (sourceProfile && visited.includes(sourceProfile)) {
    throw new CredentialsError(
      "profile-cycle",
      `profile "${name}": source_profile "${sourceProfile}" forms a cycle (${[...visited, sourceProfile].join(" -> ")})`,
    );
  }
  const source = sourceProfile
    ? await resolveProfile(sourceProfile, ctx, [...visited, sourceProfile])
    : await credentialSource(name, s.credential_source ?? "", ctx).catch((error: unknown) => {
        throw sourceFailed(name, error);
      });
  return ctx.assumeRole(source, await roleParams(name, s, ctx));
}

/**
 * Resolves one profile as the SDKs do (aws-sdk-js-v3 credential-provider-ini
 * `resolveProfileData`): a source profile with static keys uses them even if it also
 * has `role_arn` (so a profile may name itself as its source); otherwise a role profile
 * assumes its role, then static keys, web identity, and `credential_process` are tried.
 * `visited` is the chain of source profiles, for cycle detection.
 */
export async function resolveProfile(
  name: string,
  ctx: ProfileContext,
  visited: readonly string[] = [],
): Promise<AwsCredentials> {
  const nested = visited.length > 0;
  const s = profileSettings(ctx.config, name);
  if (s === undefined) {
    if (!nested)
      throw notConfigured(`fromIni: profile "${name}" is not in the shared config or credentials file`);
    throw new CredentialsError("profile-not-found", `source_profile "${name}" is not defined`);
  }
  if (nested && hasStaticKeys(s)) return staticCredentials(name, s);
  if (s.role_arn && (s.source_profile || s.credential_source))
    return assumeRoleProfile(name, s, ctx, visited);
  if (hasStaticKeys(s)) return staticCredentials(name, s);
  if (s.role_arn && s.web_identity_token_file) {
    return assumeWithTokenFile({
      tokenFile: s.web_identity_token_file,
      roleArn: s.role_arn,
      roleSessionName: s.role_session_name || `lanyard-${ctx.now()}`,
      region: s.region,
      hook: ctx.assumeRoleWithWebIdentity,
      source: `profile "${name}"`,
    });
  }
  if (s.credential_process)
    return runCredentialProcess(s.credential_process, { now: ctx.now, ...ctx.process });
  // Console login (`aws login`), checked last as in aws-sdk-js-v3 `resolveProfileData`.
  if (s.login_session) {
    const { env, homedir, now } = ctx;
    return loginSessionCredentials({ ...ctx.login, profile: name, settings: s, env, homedir, now });
  }
  const why =
    s.sso_session || s.sso_start_url
      ? "uses IAM Identity Center (SSO), which is not supported"
      : "has no credentials";
  if (!nested) throw notConfigured(`fromIni: profile "${name}" ${why}`);
  throw new CredentialsError("unsupported", `source_profile "${name}" ${why}`);
}
