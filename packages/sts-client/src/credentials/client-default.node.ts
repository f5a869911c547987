// The credentials an STS client created without any signs with, on Node: the SDKs' default
// chain, with role profiles (`source_profile`, `credential_source`, web identity) resolved through
// STS itself. Selected by the `node` condition of the `#client-default-credentials` import.
import type { CredentialProvider } from "@lanyard/credentials";
import type { ParentClient } from "@lanyard/query-client";

/** The chain for the client's profile; the client passes itself when it asks (role calls inherit its settings). */
export function clientDefaultCredentials(client: ParentClient): CredentialProvider {
  // Imported on first use, which breaks the client → credentials → client cycle. The chain comes
  // through the package's own entry, already loaded: importing its module directly would make the
  // linker split the Node build into two files, and every cold start would load both.
  const profile = client.config.profile;
  let chain: Promise<CredentialProvider> | undefined;
  return async (context) => {
    chain ??= import("../index.js").then((module) =>
      module.defaultCredentials(profile === undefined ? {} : { profile }),
    );
    return (await chain)(context);
  };
}
