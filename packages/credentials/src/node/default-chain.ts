import { cached } from "../cached.js";
import { chain } from "../chain.js";
import { notConfigured } from "../errors.js";
import { fromEnv, processEnv } from "../from-env.js";
import type { CredentialProvider } from "../types.js";
import { fromContainer } from "./from-container.js";
import { type FromIniOptions, fromIni } from "./from-ini.js";
import { fromInstanceMetadata } from "./from-instance-metadata.js";
import { fromProcess } from "./from-process.js";
import { type FromTokenFileOptions, fromTokenFile } from "./from-token-file.js";

export interface DefaultChainOptions extends FromIniOptions {
  /** Options for the web identity step (env AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN). */
  tokenFile?: Omit<FromTokenFileOptions, "env" | "assumeRoleWithWebIdentity">;
  /** Refresh window of the cache (default 5 minutes). */
  refreshWindowMs?: number;
}

/**
 * Container credentials when their variables are set, else instance metadata —
 * never both, as in the JavaScript SDK's `remoteProvider`.
 */
function remote(options: DefaultChainOptions): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
      return fromContainer({ ...options.container, env })();
    }
    return fromInstanceMetadata({ ...options.instanceMetadata, env })();
  };
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

/**
 * The SDKs' default chain, cached: environment → shared files → credential_process →
 * web identity token file → container (ECS/EKS) or instance metadata (EC2).
 * IAM Identity Center (SSO) profiles are not supported. Role profiles need the
 * `assumeRole` / `assumeRoleWithWebIdentity` hooks, which `@lanyard/sts-client` supplies.
 */
export function defaultChain(options: DefaultChainOptions = {}): CredentialProvider {
  const now = options.now ?? Date.now;
  return cached(
    chain(
      envUnlessProfile(options),
      fromIni(options),
      fromProcess({ ...options, ...options.process }),
      fromTokenFile({
        ...options.tokenFile,
        ...(options.env ? { env: options.env } : {}),
        ...(options.assumeRoleWithWebIdentity
          ? { assumeRoleWithWebIdentity: options.assumeRoleWithWebIdentity }
          : {}),
        now,
      }),
      remote(options),
    ),
    { now, ...(options.refreshWindowMs === undefined ? {} : { refreshWindowMs: options.refreshWindowMs }) },
  );
}
