import type { CredentialProvider } from "@lanyard/credentials";
import { resolveHome, type SharedConfig, settingsFromConfig } from "@lanyard/credentials/config";
import {
  assumeRoleCredentials,
  defaultCredentials,
  STSClient,
  type STSClientConfig,
} from "@lanyard/sts-client";
import type { CommandContext } from "./context.js";
import type { Env } from "./io.js";
import { checkProfile, selectedProfile } from "./profile.js";

/**
 * What STS is reached with when nothing names a Region: the AWS CLI's global STS endpoint and
 * the SDKs' role calls (aws-sdk-js-v3 ASSUME_ROLE_DEFAULT_REGION) both sign in us-east-1.
 */
export const DEFAULT_REGION = "us-east-1";

export interface ClientOptions {
  profile?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  /** Sign with this role's credentials, assumed with the profile's (eks-token --role-arn). */
  role?: { arn: string; sessionName: string } | undefined;
  mfaCodeProvider?: ((serialNumber: string) => Promise<string>) | undefined;
}

/** `--region`, AWS_REGION, AWS_DEFAULT_REGION (read by the AWS CLI), the profile's `region`, us-east-1. */
export function resolveRegion(options: ClientOptions, env: Env, config: SharedConfig): string {
  if (options.region) return options.region;
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  // The variables were read above: only the profile's own values are asked for. Its other
  // settings are checked on the way, as the client checks them before its first call.
  const profile = selectedProfile(options.profile, env);
  const settings = settingsFromConfig(config, {
    profile,
    env: {},
    home: resolveHome({}, env),
  });
  return settings.region?.value ?? DEFAULT_REGION;
}

/**
 * The one place a client is built from the command line: profile, region, endpoint and MFA.
 * Role profiles call STS with the same region and endpoint (they inherit the client's, as in
 * the SDKs). The caller closes the client.
 */
export async function clientFor(context: CommandContext, options: ClientOptions): Promise<STSClient> {
  const { env } = context.io;
  const shared = await context.sharedConfig();
  checkProfile(shared, options.profile, env);
  const clientConfig: STSClientConfig = { region: resolveRegion(options, env, shared) };
  if (options.endpoint !== undefined) clientConfig.endpoint = options.endpoint;
  const profileCredentials = defaultCredentials({
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.mfaCodeProvider === undefined ? {} : { mfaCodeProvider: options.mfaCodeProvider }),
    env: env as Record<string, string | undefined>,
    clientConfig,
  });
  // The profile also brings its endpoint_url, [services] section, ca_bundle, FIPS and retry settings.
  const profile = options.profile === undefined ? {} : { profile: options.profile };
  const stsConfig: STSClientConfig = { ...clientConfig, ...profile, userAgentAppId: "lanyard-cli" };
  const credentials: CredentialProvider =
    options.role === undefined
      ? profileCredentials
      : // The role call goes out as the client's own calls do: same Region, endpoint and profile.
        assumeRoleCredentials({
          roleArn: options.role.arn,
          roleSessionName: options.role.sessionName,
          sourceCredentials: profileCredentials,
          clientConfig: stsConfig,
        });
  return new STSClient({ ...stsConfig, credentials });
}

/** Runs `use` with a client from `clientFor` and closes it, so the process can exit at once. */
export async function withClient<T>(
  context: CommandContext,
  options: ClientOptions,
  use: (client: STSClient) => Promise<T>,
): Promise<T> {
  const client = await clientFor(context, options);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}
