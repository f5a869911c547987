import { cached } from "../cached.js";
import { chain } from "../chain.js";
import { notConfigured } from "../errors.js";
import { fromEnv, processEnv } from "../from-env.js";
import type { CredentialProvider } from "../types.js";
import { fromContainer } from "./from-container.js";
import { type FromIniOptions, iniCredentials } from "./from-ini.js";
import {
  asImdsFailure,
  type FromInstanceMetadataOptions,
  fromInstanceMetadata,
} from "./from-instance-metadata.js";
import { processCredentials } from "./from-process.js";
import { fromSso, hasSsoSettings, type SsoSettings } from "./from-sso.js";
import { type FromTokenFileOptions, fromTokenFile } from "./from-token-file.js";
import { instanceMetadataOptions } from "./imds-options.js";
import { readFilesOnce, resolveHome, type SharedFilesReader } from "./shared-config.js";

export interface DefaultChainOptions extends FromIniOptions, SsoSettings {
  /** Options for the web identity step (env AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN). */
  tokenFile?: Omit<FromTokenFileOptions, "env" | "assumeRoleWithWebIdentity">;
  /** The cache's advisory refresh window (default 15 minutes, `DEFAULT_REFRESH_WINDOW_MS`). */
  refreshWindowMs?: number;
}

/**
 * Container credentials when their variables are set, else instance metadata —
 * never both, as in the JavaScript SDK's `remoteProvider`. Instance metadata reads its
 * endpoint and IMDSv1 settings from the environment, then the selected profile.
 */
function remote(options: DefaultChainOptions, readFiles: SharedFilesReader): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
      return fromContainer({ ...options.container, env })();
    }
    const imds = { ...options.instanceMetadata, env };
    // Disabled metadata needs no settings (and an invalid one must not hide that it is disabled).
    if (env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === "true") return fromInstanceMetadata(imds)();
    const config = await readFiles(env);
    const where = { profile: options.profile, env, home: resolveHome(options, env) };
    return fromInstanceMetadata(imdsOptionsOrSkip(config, where, imds))();
  };
}

/**
 * The chain probes instance metadata unasked, so a bad `ec2_metadata_*` setting is one more
 * reason in `NoCredentialsError`, not a stop: every IMDS failure lets the chain go on, as in the
 * SDKs. (A profile's `credential_source = Ec2InstanceMetadata` asked for it, and stops instead.)
 */
function imdsOptionsOrSkip(...args: Parameters<typeof instanceMetadataOptions>): FromInstanceMetadataOptions {
  try {
    return instanceMetadataOptions(...args);
  } catch (error) {
    throw asImdsFailure(error);
  }
}

/**
 * The JavaScript SDK v3's environment step is skipped when a profile is chosen
 * (option or AWS_PROFILE), so an explicit profile is never shadowed by stray keys.
 */
function envUnlessProfile(options: DefaultChainOptions): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    if (options.profile || env.AWS_PROFILE)
      throw notConfigured("fromEnv: skipped because a profile is selected");
    return fromEnv({ env })();
  };
}

/** The JS SDK runs `fromSSO` in the chain only for explicit `sso*` settings; profiles go through `fromIni`. */
function ssoFromSettings(options: DefaultChainOptions): CredentialProvider {
  return async () => {
    if (!hasSsoSettings(options))
      throw notConfigured("fromSso: no explicit sso* settings (SSO profiles are read by fromIni)");
    return fromSso(options)();
  };
}

/**
 * The SDKs' default chain, cached, in the JavaScript SDK v3's order: environment →
 * IAM Identity Center (explicit settings) → shared files (static keys, role profiles,
 * credential_process, SSO and console-login profiles, the latter last as in the JS SDK's
 * profile resolver, which has no chain step of its own) → credential_process →
 * web identity token file → container (ECS/EKS) or instance metadata (EC2). Role
 * profiles need the `assumeRole` / `assumeRoleWithWebIdentity` hooks, which
 * `@lanyard/sts-client` supplies. A selected profile that is missing or broken stops the chain.
 */
export function defaultChain(options: DefaultChainOptions = {}): CredentialProvider {
  const now = options.now ?? Date.now;
  const onePass: CredentialProvider = (context) => {
    const readFiles = readFilesOnce(options);
    return chain(
      envUnlessProfile(options),
      ssoFromSettings(options),
      iniCredentials(options, readFiles),
      processCredentials({ ...options, ...options.process }, readFiles),
      fromTokenFile({
        ...options.tokenFile,
        ...(options.env ? { env: options.env } : {}),
        ...(options.assumeRoleWithWebIdentity
          ? { assumeRoleWithWebIdentity: options.assumeRoleWithWebIdentity }
          : {}),
        now,
      }),
      remote(options, readFiles),
    )(context);
  };
  return cached(onePass, {
    now,
    ...(options.refreshWindowMs === undefined ? {} : { refreshWindowMs: options.refreshWindowMs }),
  });
}
