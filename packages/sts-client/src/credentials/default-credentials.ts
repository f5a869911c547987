import { type CredentialProvider, CredentialsError } from "@lanyard/credentials";
import type { DefaultChainOptions } from "@lanyard/credentials/node";
import { type ParentClient, parentTransport } from "@lanyard/query-client";
import type { STSClientConfig } from "../generated/service.generated.js";
import { callerOf } from "./caller-client.js";
import { type NodeCredentialsLoader, nodeCredentialsLoader } from "./platform.js";
import { stsRoleAssumer } from "./role-assumer.js";
import { webIdentityAssumer } from "./web-identity-credentials.js";

export interface DefaultCredentialsOptions
  extends Omit<DefaultChainOptions, "assumeRole" | "assumeRoleWithWebIdentity"> {
  /** Options of the STSClient that role profiles call (region, endpoint, transport, …). */
  clientConfig?: STSClientConfig;
}

/** `defaultCredentials` with the Node module loader given explicitly. */
export function defaultCredentialsWith(
  options: DefaultCredentialsOptions,
  loader: NodeCredentialsLoader | undefined,
): CredentialProvider {
  if (loader === undefined) {
    throw new CredentialsError(
      "unsupported",
      "defaultCredentials: this platform has no environment, shared files or instance metadata to read; " +
        "give credentials explicitly (static keys, a CredentialProvider, webIdentityCredentials({ token }) or assumeRoleCredentials)",
    );
  }
  const { clientConfig = {}, ...chainOptions } = options;
  let provider: Promise<CredentialProvider> | undefined;
  return async (context) => {
    // The chain is made for the first client that asks: its STS calls (role profiles) take that
    // client's settings, and IAM Identity Center and console login refresh through its transport.
    provider ??= chainFor(loader, chainOptions, clientConfig, callerOf(context));
    return (await provider)(context);
  };
}

async function chainFor(
  loader: NodeCredentialsLoader,
  chainOptions: Omit<DefaultCredentialsOptions, "clientConfig">,
  clientConfig: STSClientConfig,
  caller: ParentClient | undefined,
): Promise<CredentialProvider> {
  const { defaultChain } = await loader();
  const transport = clientConfig.transport ?? (caller === undefined ? undefined : parentTransport(caller));
  const profile = chainOptions.profile ?? caller?.config.profile;
  // The chain's own options win; the client's transport fills in where they name none.
  const shared = chainOptions.transport ?? transport;
  return defaultChain({
    ...chainOptions,
    ...(shared === undefined
      ? {}
      : { transport: shared, login: { transport: shared, ...chainOptions.login } }),
    ...(profile === undefined ? {} : { profile }),
    assumeRole: stsRoleAssumer(clientConfig, caller),
    assumeRoleWithWebIdentity: webIdentityAssumer(clientConfig, {}, caller),
  });
}

/**
 * The SDKs' default credential chain (environment → shared files → credential_process →
 * web identity token file → container or instance metadata), cached, with role profiles
 * (`role_arn` + `source_profile` / `credential_source` / `web_identity_token_file`, chained)
 * resolved through STS. Node only: elsewhere it throws a `CredentialsError` (`unsupported`).
 */
export function defaultCredentials(options: DefaultCredentialsOptions = {}): CredentialProvider {
  return defaultCredentialsWith(options, nodeCredentialsLoader());
}
