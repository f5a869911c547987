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
 * The role call's region when something names one: the provider's own option (a value or a
 * provider), else the role profile's `region`, else the calling client's. Undefined leaves it
 * to what the client finds (environment, config file).
 */
function namedRegion(
  config: STSClientConfig,
  profileRegion: string | undefined,
  inherited: STSClientConfig,
): STSClientConfig["region"] {
  if (typeof config.region === "function" || config.region) return config.region;
  // The profile's region reaches the client as an option; name the profile as its source.
  if (profileRegion) return checkRegion(profileRegion, "the region of the profile that assumes the role");
  return typeof inherited.region === "string" ? inherited.region : undefined;
}

/**
 * Runs one STS call on a client made for it and closed after it. Role credentials are
 * fetched about once an hour, so a fresh connection per refresh costs nothing that matters,
 * and no pool outlives the call to keep the process alive. The client takes the calling
 * client's settings and transport (`caller`), under the provider's own options; with no
 * region found anywhere it signs in us-east-1, as the SDKs do.
 */
export async function withStsClient<T>(
  config: STSClientConfig,
  credentials: AwsCredentials | CredentialProvider | undefined,
  profileRegion: string | undefined,
  call: (client: STSBaseClient) => Promise<T>,
  caller?: ParentClient,
): Promise<T> {
  const inherited = await inheritedConfig(caller);
  const options: STSClientConfig = {
    ...inherited,
    ...config,
    ...(credentials === undefined ? {} : { credentials }),
  };
  const region = namedRegion(config, profileRegion, inherited);
  let client = new STSBaseClient(region === undefined ? options : { ...options, region });
  try {
    if (region === undefined && (await client.resolveRegion()) === undefined) {
      await client.close();
      client = new STSBaseClient({ ...options, region: ASSUME_ROLE_DEFAULT_REGION });
    }
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
