import { CredentialsError, notConfigured } from "../errors.js";
import { processEnv } from "../from-env.js";
import { redacting } from "../redact.js";
import type { AwsCredentials, CredentialProvider, Env, WebIdentityAssumer } from "../types.js";
import { namingSettings } from "./refused-settings.js";

export interface FromTokenFileOptions {
  env?: Env;
  /** Overrides AWS_WEB_IDENTITY_TOKEN_FILE. */
  webIdentityTokenFile?: string;
  /** Overrides AWS_ROLE_ARN. */
  roleArn?: string;
  /** Overrides AWS_ROLE_SESSION_NAME. */
  roleSessionName?: string;
  assumeRoleWithWebIdentity?: WebIdentityAssumer;
  now?: () => number;
}

export const STS_CLIENT_HINT =
  "this package has no STS dependency: use defaultCredentials() from @lanyard/sts-client, or pass the hook yourself";

export interface WebIdentityRequest {
  tokenFile: string;
  roleArn: string;
  roleSessionName: string;
  region?: string;
  hook: WebIdentityAssumer | undefined;
  source: string;
  /** Where the role ARN and session name were set, for an error when STS cannot take them. */
  settings: readonly string[];
}

/** Reads the OIDC token file afresh each time (it is rotated on disk) and calls the hook. */
export async function assumeWithTokenFile(request: WebIdentityRequest): Promise<AwsCredentials> {
  if (request.hook === undefined) {
    throw new CredentialsError(
      "role-assumer-missing",
      `${request.source}: role ${request.roleArn} needs AssumeRoleWithWebIdentity; ${STS_CLIENT_HINT} (assumeRoleWithWebIdentity)`,
    );
  }
  let token: string;
  try {
    // Sent as the file holds it, trailing newline included, as botocore and the JS SDK v3 both do.
    // node:fs/promises loads on first use (CONTRIBUTING.md, "Node built-ins").
    token = await process.getBuiltinModule("node:fs/promises").readFile(request.tokenFile, "utf8");
  } catch (error) {
    throw new CredentialsError("file-unreadable", `${request.source}: cannot read ${request.tokenFile}`, {
      cause: error,
    });
  }
  const { hook } = request;
  const credentials = await namingSettings(request.source, request.settings, () =>
    hook({
      roleArn: request.roleArn,
      roleSessionName: request.roleSessionName,
      webIdentityToken: token,
      ...(request.region ? { region: request.region } : {}),
    }),
  );
  // The hook may return a plain object; what this package returns always redacts.
  return redacting(credentials, request.source);
}

/** Web identity (EKS IRSA and similar): AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN through the hook. */
export function fromTokenFile(options: FromTokenFileOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const tokenFile = options.webIdentityTokenFile ?? env.AWS_WEB_IDENTITY_TOKEN_FILE;
    const roleArn = options.roleArn ?? env.AWS_ROLE_ARN;
    if (!tokenFile || !roleArn) {
      throw notConfigured("fromTokenFile: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set");
    }
    const now = options.now ?? Date.now;
    return assumeWithTokenFile({
      tokenFile,
      roleArn,
      roleSessionName: options.roleSessionName ?? env.AWS_ROLE_SESSION_NAME ?? `lanyard-${now()}`,
      region: env.AWS_REGION,
      hook: options.assumeRoleWithWebIdentity,
      source: "fromTokenFile",
      settings: [
        options.roleArn === undefined ? "AWS_ROLE_ARN" : "the roleArn option",
        options.roleSessionName === undefined ? "AWS_ROLE_SESSION_NAME" : "the roleSessionName option",
      ],
    });
  };
}
