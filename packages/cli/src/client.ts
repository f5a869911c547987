import type { CredentialProvider } from "@lanyard/credentials";
import {
  assumeRoleCredentials,
  defaultCredentials,
  STSClient,
  type STSClientConfig,
} from "@lanyard/sts-client";
import type { CommandContext } from "./context.js";
import { checkProfile } from "./profile.js";
import { checkedRegion, chooseRegion } from "./region.js";

export interface ClientOptions {
  profile?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  /** Sign with this role's credentials, assumed with the profile's (eks-token --role-arn). */
  role?: { arn: string; sessionName: string } | undefined;
  mfaCodeProvider?: ((serialNumber: string) => Promise<string>) | undefined;
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
  const clientConfig: STSClientConfig = { region: checkedRegion(chooseRegion(options, env, shared)) };
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
