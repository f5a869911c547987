import { CredentialsError, NoCredentialsError } from "./errors.js";
import { redacting } from "./redact.js";
import type { CredentialProvider } from "./types.js";

/**
 * Tries each provider in order. A `CredentialsError` with `tryNext` moves on
 * (the source is not set up); any other error stops the chain, as in the SDKs'
 * `chain`, so a broken configuration is reported rather than skipped. What a provider
 * returns comes back redacting, even when it was a plain object.
 */
export function chain(...providers: CredentialProvider[]): CredentialProvider {
  // Checked now, where the mistake is made (say an optional provider left `undefined`), rather
  // than as a TypeError on the first call that gets that far down the chain.
  providers.forEach((provider, i) => {
    if (typeof provider !== "function") {
      throw new CredentialsError(
        "invalid-config",
        `chain: provider ${i + 1} of ${providers.length} is not a function (expected a credential provider such as fromEnv())`,
      );
    }
  });
  return async (context) => {
    const errors: CredentialsError[] = [];
    for (const provider of providers) {
      try {
        return redacting(await provider(context), "chain");
      } catch (error) {
        if (!(error instanceof CredentialsError) || !error.tryNext) throw error;
        errors.push(error);
      }
    }
    throw new NoCredentialsError(errors);
  };
}
