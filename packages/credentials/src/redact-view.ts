import type { AwsCredentials } from "./types.js";

// Kept apart from the validation in redact.ts (and its error class), so a client can hide the
// static credentials of its options without bundling the checks that signing brings anyway.

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const REDACTED = "[redacted]";

/** A display-safe copy: the access key id is kept (it is not secret), the secret and token are not. */
export function redactCredentials(credentials: AwsCredentials): Record<string, unknown> {
  const view: Record<string, unknown> = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: REDACTED,
  };
  if (credentials.sessionToken !== undefined) view.sessionToken = REDACTED;
  if (credentials.expiration instanceof Date) view.expiration = credentials.expiration.toISOString();
  if (credentials.accountId !== undefined) view.accountId = credentials.accountId;
  return view;
}

/**
 * Gives `credentials` non-enumerable `toJSON` and `util.inspect` hooks that show
 * `redactCredentials(credentials)`; the properties themselves stay readable. Returns it.
 */
export function hideSecrets<T extends AwsCredentials>(credentials: T): T {
  const view = () => redactCredentials(credentials);
  Object.defineProperty(credentials, "toJSON", { value: view, enumerable: false, configurable: true });
  Object.defineProperty(credentials, INSPECT, { value: view, enumerable: false, configurable: true });
  return credentials;
}
