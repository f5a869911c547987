import {
  type AwsCredentials,
  type CredentialProvider,
  CredentialsError,
  cached,
  type Env,
  type WebIdentityAssumer,
} from "@lanyard/credentials";
import type { ParentClient } from "@lanyard/query-client";
import { assumeRoleWithWebIdentity } from "../generated/operations.generated.js";
import type { STSClientConfig } from "../generated/service.generated.js";
import type { AssumeRoleWithWebIdentityRequest } from "../generated/types.generated.js";
import { callerOf } from "./caller-client.js";
import { type NodeCredentialsLoader, nodeCredentialsLoader } from "./platform.js";
import { defaultSessionName, fromStsResult, withStsClient } from "./sts-call.js";

export interface WebIdentityCredentialsOptions {
  /** Default: `AWS_ROLE_ARN`. */
  roleArn?: string;
  /** Default: `AWS_ROLE_SESSION_NAME`, else `lanyard-session-<epoch ms>`. */
  roleSessionName?: string;
  /** The OIDC token, or a function asked for a fresh one on every refresh. */
  token?: string | (() => Promise<string>);
  /** A file holding the token, re-read on every refresh. Default: `AWS_WEB_IDENTITY_TOKEN_FILE`. */
  tokenFile?: string;
  /** Reads `tokenFile`. Default on Node: the file system; elsewhere pass this or `token`. */
  readToken?: (path: string) => Promise<string>;
  /** For OAuth 2.0 access tokens (`www.amazon.com`, `graph.facebook.com`); omit for OIDC ID tokens. */
  providerId?: string;
  durationSeconds?: number;
  policy?: string;
  policyArns?: string[];
  /** Options of the STSClient (region, endpoint, transport, …). No credentials are needed. */
  clientConfig?: STSClientConfig;
  /** Default: `globalThis.process?.env`. */
  env?: Env;
  /** The advisory window: refresh in the background this long before expiry (default 15 minutes). */
  refreshWindowMs?: number;
  /** The mandatory window: callers wait for the refresh this long before expiry (default 5 minutes). */
  mandatoryWindowMs?: number;
  now?: () => number;
}

/** The STS call for given parameters; AssumeRoleWithWebIdentity is unsigned (`smithy.api#noAuth`). */
export function webIdentityAssumer(
  clientConfig: STSClientConfig,
  extra: Partial<AssumeRoleWithWebIdentityRequest> = {},
  caller?: ParentClient,
): WebIdentityAssumer {
  return async (params) => {
    const input: AssumeRoleWithWebIdentityRequest = {
      ...extra,
      RoleArn: params.roleArn,
      RoleSessionName: params.roleSessionName,
      WebIdentityToken: params.webIdentityToken,
    };
    const result = await withStsClient(
      clientConfig,
      undefined,
      params.region,
      (client) => assumeRoleWithWebIdentity(client, input),
      caller,
    );
    return fromStsResult(result, `web identity (${params.roleArn})`);
  };
}

function extraInput(options: WebIdentityCredentialsOptions): Partial<AssumeRoleWithWebIdentityRequest> {
  const extra: Partial<AssumeRoleWithWebIdentityRequest> = {};
  if (options.providerId !== undefined) extra.ProviderId = options.providerId;
  if (options.durationSeconds !== undefined) extra.DurationSeconds = options.durationSeconds;
  if (options.policy !== undefined) extra.Policy = options.policy;
  if (options.policyArns !== undefined) extra.PolicyArns = options.policyArns.map((arn) => ({ arn }));
  return extra;
}

interface Resolved {
  roleArn: string;
  roleSessionName: string;
  tokenFile: string | undefined;
}

function resolveSettings(options: WebIdentityCredentialsOptions, now: () => number): Resolved {
  const env = options.env ?? (globalThis as { process?: { env?: Env } }).process?.env ?? {};
  const roleArn = options.roleArn ?? env.AWS_ROLE_ARN;
  const tokenFile = options.tokenFile ?? env.AWS_WEB_IDENTITY_TOKEN_FILE;
  if (!roleArn || (options.token === undefined && !tokenFile)) {
    throw new CredentialsError(
      "not-configured",
      "webIdentityCredentials: needs roleArn (or AWS_ROLE_ARN) and token or tokenFile (or AWS_WEB_IDENTITY_TOKEN_FILE)",
      { tryNext: true },
    );
  }
  const roleSessionName = options.roleSessionName ?? (env.AWS_ROLE_SESSION_NAME || defaultSessionName(now));
  return { roleArn, roleSessionName, tokenFile: tokenFile || undefined };
}

async function readWith(read: (path: string) => Promise<string>, path: string): Promise<string> {
  try {
    // As the SDKs send a token file's contents: unchanged.
    return await read(path);
  } catch (error) {
    throw new CredentialsError("file-unreadable", `webIdentityCredentials: cannot read ${path}`, {
      cause: error,
    });
  }
}

/** One refresh: a fresh token (the file is rotated on disk, e.g. by EKS), then the STS call. */
async function fetchOnce(
  options: WebIdentityCredentialsOptions,
  now: () => number,
  loader: NodeCredentialsLoader | undefined,
  caller: ParentClient | undefined,
): Promise<AwsCredentials> {
  const { roleArn, roleSessionName, tokenFile } = resolveSettings(options, now);
  const assume = webIdentityAssumer(options.clientConfig ?? {}, extraInput(options), caller);
  const { token, readToken } = options;
  if (token !== undefined) {
    const webIdentityToken = typeof token === "string" ? token : await token();
    return assume({ roleArn, roleSessionName, webIdentityToken });
  }
  const path = tokenFile ?? "";
  if (readToken !== undefined) {
    return assume({ roleArn, roleSessionName, webIdentityToken: await readWith(readToken, path) });
  }
  if (loader === undefined) {
    throw new CredentialsError(
      "unsupported",
      "webIdentityCredentials: reading a token file needs Node; on this platform pass token or readToken",
    );
  }
  const { fromTokenFile } = await loader();
  return fromTokenFile({
    webIdentityTokenFile: path,
    roleArn,
    roleSessionName,
    env: {},
    assumeRoleWithWebIdentity: assume,
  })();
}

/** `webIdentityCredentials` with the Node module loader given explicitly. */
export function webIdentityCredentialsWith(
  options: WebIdentityCredentialsOptions,
  loader: NodeCredentialsLoader | undefined,
): CredentialProvider {
  const now = options.now ?? Date.now;
  return cached((context) => fetchOnce(options, now, loader, callerOf(context)), {
    now,
    ...(options.refreshWindowMs === undefined ? {} : { refreshWindowMs: options.refreshWindowMs }),
    ...(options.mandatoryWindowMs === undefined ? {} : { mandatoryWindowMs: options.mandatoryWindowMs }),
  });
}

/**
 * A role's credentials from STS AssumeRoleWithWebIdentity (EKS IRSA, GitHub Actions OIDC, …),
 * refreshed before they expire. Needs no AWS credentials. Settings default to
 * `AWS_ROLE_ARN`, `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_SESSION_NAME`.
 */
export function webIdentityCredentials(options: WebIdentityCredentialsOptions = {}): CredentialProvider {
  return webIdentityCredentialsWith(options, nodeCredentialsLoader());
}
