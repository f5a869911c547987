import { CredentialsError, notConfigured } from "../errors.js";
import type { AwsCredentials, CredentialProvider } from "../types.js";

// ---------------------------------------------------------------------------------------
// PLACEHOLDER for console login (`aws login`, `login_session` profiles). The console-login
// provider replaces both functions of this file; nothing else needs to change:
// resolve-profile.ts already sends every `login_session` profile here (after static keys,
// web identity, credential_process and SSO, the JS SDK's order) and default-chain.ts
// already calls `fromLoginSettings` between the SSO step and the shared files.
// ---------------------------------------------------------------------------------------

/**
 * A profile with `login_session`. Until console login is supported this is an error that
 * stops any chain: falling through would sign as another identity than the one selected.
 */
export async function resolveLoginProfile(
  name: string,
  _settings: Record<string, string>,
): Promise<AwsCredentials> {
  throw new CredentialsError(
    "unsupported",
    `profile "${name}" uses console login (login_session), which is not supported yet; ` +
      "use an IAM Identity Center or access-key profile, or pass credentials explicitly",
  );
}

/** The default chain's console-login step for explicit login settings: none are supported yet. */
export function fromLoginSettings(): CredentialProvider {
  return async () => {
    throw notConfigured("fromLogin: no console login settings given");
  };
}
