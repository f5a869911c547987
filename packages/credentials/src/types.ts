/** A set of AWS credentials, as every provider in this package returns it. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When the credentials stop working; absent for long-term keys. */
  expiration?: Date;
  accountId?: string;
}

/**
 * What a client tells the provider it asks (as the SDKs pass `callerClientConfig`): providers
 * that call AWS themselves (an STS role) take the caller's region, endpoint settings, transport
 * and logger from it.
 */
export interface CredentialProviderContext {
  /** The client asking; `@lanyard/query-client` clients pass themselves. */
  callerClient?: unknown;
}

/** Resolves credentials; may be called many times (wrap with `cached` to avoid refetching). */
export type CredentialProvider = (context?: CredentialProviderContext) => Promise<AwsCredentials>;

/** Parameters a role profile passes to the `assumeRole` hook (STS AssumeRole). */
export interface AssumeRoleParams {
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  serialNumber?: string;
  /** The MFA code, present when `serialNumber` is (obtained from `mfaCodeProvider`). */
  tokenCode?: string;
  durationSeconds?: number;
  region?: string;
}

/**
 * Exchanges source credentials for a role's credentials. This package has no STS
 * dependency, so role profiles call this hook; `@lanyard/sts-client` supplies one.
 */
export type RoleAssumer = (source: AwsCredentials, params: AssumeRoleParams) => Promise<AwsCredentials>;

/** Parameters for STS AssumeRoleWithWebIdentity. */
export interface WebIdentityParams {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  region?: string;
}

/** Exchanges a web identity (OIDC) token for a role's credentials. */
export type WebIdentityAssumer = (params: WebIdentityParams) => Promise<AwsCredentials>;

/** Environment variables, as `process.env` holds them. */
export type Env = Record<string, string | undefined>;
