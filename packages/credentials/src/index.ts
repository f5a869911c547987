export type { CachedOptions } from "./cached.js";
export {
  cached,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_MANDATORY_WINDOW_MS,
  DEFAULT_REFRESH_WINDOW_MS,
} from "./cached.js";
export { chain } from "./chain.js";
export type { CredentialsErrorCode, CredentialsErrorOptions } from "./errors.js";
export { CredentialsError, NoCredentialsError } from "./errors.js";
export type { FromEnvOptions } from "./from-env.js";
export { fromEnv } from "./from-env.js";
export { fromStatic, fromValue } from "./from-static.js";
export { createCredentials } from "./redact.js";
export { hideSecrets, redactCredentials } from "./redact-view.js";
export type {
  AssumeRoleParams,
  AwsCredentials,
  CredentialProvider,
  CredentialProviderContext,
  Env,
  RoleAssumer,
  WebIdentityAssumer,
  WebIdentityParams,
} from "./types.js";
