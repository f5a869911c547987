import { type CredentialProvider, CredentialsError } from "@lanyard/credentials";
import type { DefaultChainOptions } from "@lanyard/credentials/node";
import type { STSClientConfig } from "../generated/service.generated.js";
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
  return async () => {
    provider ??= loader().then(({ defaultChain }) =>
      defaultChain({
        ...chainOptions,
        assumeRole: stsRoleAssumer(clientConfig),
        assumeRoleWithWebIdentity: webIdentityAssumer(clientConfig),
      }),
    );
    return (await provider)();
  };
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
