import {
  type AwsCredentials,
  type CredentialProvider,
  type CredentialProviderContext,
  CredentialsError,
  cached,
} from "@lanyard/credentials";
import { assumeRole } from "../generated/operations.generated.js";
import type { STSClientConfig } from "../generated/service.generated.js";
import type { AssumeRoleRequest } from "../generated/types.generated.js";
import { callerOf } from "./caller-client.js";
import { defaultSessionName, fromStsResult, withStsClient } from "./sts-call.js";

export interface AssumeRoleCredentialsOptions {
  /** The role to assume. */
  roleArn: string;
  /** Default: `lanyard-session-<epoch ms>`, new on each refresh. */
  roleSessionName?: string;
  externalId?: string;
  /** Session lifetime in seconds (STS: 900–43 200, default 3 600). */
  durationSeconds?: number;
  /** An inline session policy (JSON). */
  policy?: string;
  /** Managed session policies. */
  policyArns?: string[];
  /** Session tags. */
  tags?: Record<string, string>;
  /** Keys of `tags` that pass on to roles assumed with these credentials. */
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  /** The MFA device's serial number or ARN; needs `mfaCodeProvider` or `tokenCode`. */
  serialNumber?: string;
  /** A fixed MFA code. Codes are single-use, so prefer `mfaCodeProvider` for anything that refreshes. */
  tokenCode?: string;
  /** Asked for a fresh code on every refresh. */
  mfaCodeProvider?: (serialNumber: string) => Promise<string>;
  /** Credentials that call AssumeRole. Default: `clientConfig.credentials`, else the client's default. */
  sourceCredentials?: AwsCredentials | CredentialProvider;
  /** Options of the STSClient that calls AssumeRole (region, endpoint, transport, …). */
  clientConfig?: STSClientConfig;
  /** The advisory window: refresh in the background this long before expiry (default 15 minutes). */
  refreshWindowMs?: number;
  /** The mandatory window: callers wait for the refresh this long before expiry (default 5 minutes). */
  mandatoryWindowMs?: number;
  /** Clock in epoch milliseconds; injected by tests. */
  now?: () => number;
}

async function mfaParams(options: AssumeRoleCredentialsOptions): Promise<Partial<AssumeRoleRequest>> {
  const serial = options.serialNumber;
  if (serial === undefined) return {};
  if (options.mfaCodeProvider !== undefined) {
    return { SerialNumber: serial, TokenCode: await options.mfaCodeProvider(serial) };
  }
  if (options.tokenCode !== undefined) return { SerialNumber: serial, TokenCode: options.tokenCode };
  throw new CredentialsError(
    "mfa-code-missing",
    `assumeRoleCredentials: role ${options.roleArn} requires MFA (serialNumber ${serial}); pass mfaCodeProvider or tokenCode`,
  );
}

/** The AssumeRole input for one refresh; only the members that were given. */
export async function assumeRoleInput(
  options: AssumeRoleCredentialsOptions,
  now: () => number,
): Promise<AssumeRoleRequest> {
  const input: AssumeRoleRequest = {
    RoleArn: options.roleArn,
    RoleSessionName: options.roleSessionName ?? defaultSessionName(now),
    ...(await mfaParams(options)),
  };
  if (options.externalId !== undefined) input.ExternalId = options.externalId;
  if (options.durationSeconds !== undefined) input.DurationSeconds = options.durationSeconds;
  if (options.policy !== undefined) input.Policy = options.policy;
  if (options.policyArns !== undefined) input.PolicyArns = options.policyArns.map((arn) => ({ arn }));
  if (options.tags !== undefined) {
    input.Tags = Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value }));
  }
  if (options.transitiveTagKeys !== undefined) input.TransitiveTagKeys = options.transitiveTagKeys;
  if (options.sourceIdentity !== undefined) input.SourceIdentity = options.sourceIdentity;
  return input;
}

/**
 * A role's temporary credentials from STS AssumeRole, refreshed before they expire
 * (like the SDKs' `fromTemporaryCredentials`): in the background inside the advisory window,
 * with callers waiting only inside the mandatory one; concurrent callers share one STS call,
 * and a failed call is retried after a backoff (see `cached` in `@lanyard/credentials`).
 */
export function assumeRoleCredentials(options: AssumeRoleCredentialsOptions): CredentialProvider {
  if (typeof options.roleArn !== "string" || options.roleArn === "") {
    throw new CredentialsError("not-configured", "assumeRoleCredentials: roleArn must be a role ARN");
  }
  const now = options.now ?? Date.now;
  const clientConfig = options.clientConfig ?? {};
  const source = options.sourceCredentials ?? clientConfig.credentials;
  const fetch = async (context?: CredentialProviderContext): Promise<AwsCredentials> => {
    const input = await assumeRoleInput(options, now);
    const result = await withStsClient(
      clientConfig,
      source,
      undefined,
      (client) => assumeRole(client, input),
      callerOf(context),
    );
    return fromStsResult(result, `assumeRoleCredentials(${options.roleArn})`);
  };
  return cached(fetch, {
    now,
    ...(options.refreshWindowMs === undefined ? {} : { refreshWindowMs: options.refreshWindowMs }),
    ...(options.mandatoryWindowMs === undefined ? {} : { mandatoryWindowMs: options.mandatoryWindowMs }),
  });
}
