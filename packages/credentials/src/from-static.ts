import { createCredentials } from "./redact.js";
import type { AwsCredentials, CredentialProvider } from "./types.js";

/** A provider that always returns the given credentials (validated and redacted). */
export function fromStatic(value: AwsCredentials): CredentialProvider {
  const credentials = createCredentials(value, "fromStatic");
  return async () => credentials;
}

/** Alias of `fromStatic`, named as some SDKs name it. */
export const fromValue = fromStatic;
