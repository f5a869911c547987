import {
  type AwsCredentials,
  type CredentialProvider,
  CredentialsError,
  createCredentials,
} from "@lanyard/credentials";
import { checkRegion, type ParentClient } from "@lanyard/query-client";
import { STSBaseClient } from "../generated/client.generated.js";
import type { STSClientConfig } from "../generated/service.generated.js";
import type { AssumedRoleUser, Credentials } from "../generated/types.generated.js";
import { inheritedConfig } from "./caller-client.js";

/**
 * The SDKs sign role calls in us-east-1 when neither the options, the environment, the
 * shared config nor the profile name a region (aws-sdk-js-v3 `ASSUME_ROLE_DEFAULT_REGION`).
 */
export const ASSUME_ROLE_DEFAULT_REGION = "us-east-1";

/** The session name the SDKs use when none is given: unique per call, within STS's 64 characters. */
export function defaultSessionName(now: () => number): string {
  return `lanyard-session-${now()}`;
}

/**
 * The role call's region: the provider's own option, else the role profile's `region`, else the
 * calling client's, else what a client would find (environment, config file), else us-east-1.
 */
async function resolveRegion(
  config: STSClientConfig,
  profileRegion: string | undefined,
  inherited: STSClientConfig,
): Promise<string> {
  if (typeof config.region === "string" && config.region) return config.region;
  if (config.region !== undefined)
    return (await new STSBaseClient(config).resolveRegion()) ?? ASSUME_ROLE_DEFAULT_REGION;
  // The profile's region reaches the client as an option; name the profile as its source.
  if (profileRegion) return checkRegion(profileRegion, "the region of the profile that assumes the role");
  if (typeof inherited.region === "string") return inherited.region;
  const probe = new STSBaseClient({ ...inherited, ...config });
  return (await probe.resolveRegion()) ?? ASSUME_ROLE_DEFAULT_REGION;
}

/**
 * Runs one STS call on a client made for it and closed after it. Role credentials are
 * fetched about once an hour, so a fresh connection per refresh costs nothing that matters,
 * and no pool outlives the call to keep the process alive. The client takes the calling
 * client's settings and transport (`caller`), under the provider's own options.
 */
export async function withStsClient<T>(
  config: STSClientConfig,
  credentials: AwsCredentials | CredentialProvider | undefined,
  profileRegion: string | undefined,
  call: (client: STSBaseClient) => Promise<T>,
  caller?: ParentClient,
): Promise<T> {
  const inherited = await inheritedConfig(caller);
  const region = await resolveRegion(config, profileRegion, inherited);
  const client = new STSBaseClient({
    ...inherited,
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
