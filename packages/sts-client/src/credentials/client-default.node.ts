// The credentials an STS client created without any signs with, on Node: the SDKs' default
// chain, with role profiles (`source_profile`, `credential_source`, web identity) resolved through
// STS itself. Selected by the `node` condition of the `#client-default-credentials` import.
import type { CredentialProvider } from "@lanyard/credentials";

export function clientDefaultCredentials(): CredentialProvider {
  // Imported on first use: a client given credentials never loads the chain (import time is
  // benchmarked), and the lazy import breaks the client → credentials → client cycle.
  let chain: Promise<CredentialProvider> | undefined;
  return async () => {
    chain ??= import("./default-credentials.js").then((module) => module.defaultCredentials());
    return (await chain)();
  };
}
