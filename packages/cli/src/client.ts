import type { AwsCredentials, CredentialProvider } from "@lanyard/credentials";
import { resolveConfigRegion } from "@lanyard/credentials/config";
import { defaultCredentials, STSClient, type STSClientConfig } from "@lanyard/sts-client";
import type { Env } from "./io.js";
import { checkProfile } from "./profile.js";

/**
 * What STS is reached with when nothing names a Region: the AWS CLI's global STS endpoint and
 * the SDKs' role calls (aws-sdk-js-v3 ASSUME_ROLE_DEFAULT_REGION) both sign in us-east-1.
 */
export const DEFAULT_REGION = "us-east-1";

export interface ClientOptions {
  profile?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  /** Use these instead of the profile's (eks-token --role-arn signs with the role's). */
  credentials?: AwsCredentials | undefined;
  mfaCodeProvider?: ((serialNumber: string) => Promise<string>) | undefined;
}

/** `--region`, AWS_REGION, AWS_DEFAULT_REGION (read by the AWS CLI), the profile's `region`, us-east-1. */
export async function resolveRegion(options: ClientOptions, env: Env): Promise<string> {
  if (options.region) return options.region;
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  const profile = options.profile === undefined ? {} : { profile: options.profile };
  return (
    (await resolveConfigRegion({ ...profile, env: env as Record<string, string | undefined> })) ??
    DEFAULT_REGION
  );
}

/**
 * The one place a client is built from the command line: profile, region, endpoint and MFA.
 * Role profiles call STS with the same region and endpoint (they inherit the client's, as in
 * the SDKs). The caller closes the client.
 */
export async function clientFor(options: ClientOptions, env: Env): Promise<STSClient> {
  await checkProfile(options.profile, env);
  const clientConfig: STSClientConfig = { region: await resolveRegion(options, env) };
  if (options.endpoint !== undefined) clientConfig.endpoint = options.endpoint;
  const credentials: AwsCredentials | CredentialProvider =
    options.credentials ??
    defaultCredentials({
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      ...(options.mfaCodeProvider === undefined ? {} : { mfaCodeProvider: options.mfaCodeProvider }),
      env: env as Record<string, string | undefined>,
      clientConfig,
    });
  // The profile also brings its endpoint_url, [services] section, ca_bundle, FIPS and retry settings.
  const profile = options.profile === undefined ? {} : { profile: options.profile };
  return new STSClient({ ...clientConfig, ...profile, credentials, userAgentAppId: "lanyard-cli" });
}

/** Runs `use` with a client from `clientFor` and closes it, so the process can exit at once. */
export async function withClient<T>(
  options: ClientOptions,
  env: Env,
  use: (client: STSClient) => Promise<T>,
): Promise<T> {
  const client = await clientFor(options, env);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}
