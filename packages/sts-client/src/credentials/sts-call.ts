import {
  type AwsCredentials,
  type CredentialProvider,
  CredentialsError,
  createCredentials,
} from "@lanyard/credentials";
import { checkRegion } from "@lanyard/query-client";
import { STSBaseClient } from "../generated/client.generated.js";
import type { STSClientConfig } from "../generated/service.generated.js";
import type { AssumedRoleUser, Credentials } from "../generated/types.generated.js";

/**
 * The SDKs sign role calls in us-east-1 when neither the options, the environment, the
 * shared config nor the profile name a region (aws-sdk-js-v3 `ASSUME_ROLE_DEFAULT_REGION`).
 */
export const ASSUME_ROLE_DEFAULT_REGION = "us-east-1";

/** The session name the SDKs use when none is given: unique per call, within STS's 64 characters. */
export function defaultSessionName(now: () => number): string {
  return `lanyard-session-${now()}`;
}

async function resolveRegion(config: STSClientConfig, fallback: string | undefined): Promise<string> {
  if (config.region) return config.region;
  // The profile's region reaches the client as an option; name the profile as its source.
  if (fallback) return checkRegion(fallback, "the region of the profile that assumes the role");
  const probe = new STSBaseClient(config);
  return (await probe.resolveRegion()) ?? ASSUME_ROLE_DEFAULT_REGION;
}

/**
 * Runs one STS call on a client made for it and closed after it. Role credentials are
 * fetched about once an hour, so a fresh connection per refresh costs nothing that matters,
 * and no pool outlives the call to keep the process alive.
 */
export async function withStsClient<T>(
  config: STSClientConfig,
  credentials: AwsCredentials | CredentialProvider | undefined,
  regionFallback: string | undefined,
  call: (client: STSBaseClient) => Promise<T>,
): Promise<T> {
  const region = await resolveRegion(config, regionFallback);
  const client = new STSBaseClient({
    ...config,
    region,
    ...(credentials === undefined ? {} : { credentials }),
  });
  try {
    return await call(client);
  } finally {
    await client.close();
  }
}

/** The account id is the fifth field of the assumed role's ARN, as the SDKs report it. */
function accountIdOf(user: AssumedRoleUser | undefined): string | undefined {
  const account = user?.Arn.split(":")[4];
  return account || undefined;
}

/** Turns an STS `Credentials` result into redacting `AwsCredentials`. */
export function fromStsResult(
  result: { Credentials?: Credentials; AssumedRoleUser?: AssumedRoleUser },
  source: string,
): AwsCredentials {
  const credentials = result.Credentials;
  if (credentials === undefined) {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: the STS response has no Credentials element`,
    );
  }
  return createCredentials(
    {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
      accountId: accountIdOf(result.AssumedRoleUser),
    },
    source,
  );
}
