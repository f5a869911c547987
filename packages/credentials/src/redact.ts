import { CredentialsError } from "./errors.js";
import type { AwsCredentials } from "./types.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const REDACTED = "[redacted]";

/** A display-safe copy: the access key id is kept (it is not secret), the secret and token are not. */
export function redactCredentials(credentials: AwsCredentials): Record<string, unknown> {
  const view: Record<string, unknown> = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: REDACTED,
  };
  if (credentials.sessionToken !== undefined) view.sessionToken = REDACTED;
  if (credentials.expiration !== undefined) view.expiration = credentials.expiration.toISOString();
  if (credentials.accountId !== undefined) view.accountId = credentials.accountId;
  return view;
}

/**
 * Validates a credential set and returns a copy whose `toJSON` and `util.inspect`
 * output hide the secret and token; the properties themselves stay readable.
 * The hooks are non-enumerable so spreading or comparing the object sees only data.
 */
export function createCredentials(value: AwsCredentials, source = "credentials"): AwsCredentials {
  if (typeof value.accessKeyId !== "string" || value.accessKeyId === "") {
    throw new CredentialsError("invalid-credentials", `${source}: accessKeyId must be a non-empty string`);
  }
  if (typeof value.secretAccessKey !== "string" || value.secretAccessKey === "") {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: secretAccessKey must be a non-empty string`,
    );
  }
  if (value.expiration !== undefined && Number.isNaN(value.expiration.getTime())) {
    throw new CredentialsError("invalid-credentials", `${source}: expiration must be a valid date`);
  }
  const credentials: AwsCredentials = {
    accessKeyId: value.accessKeyId,
    secretAccessKey: value.secretAccessKey,
  };
  if (value.sessionToken) credentials.sessionToken = value.sessionToken;
  if (value.expiration !== undefined) credentials.expiration = value.expiration;
  if (value.accountId) credentials.accountId = value.accountId;
  const view = () => redactCredentials(credentials);
  Object.defineProperty(credentials, "toJSON", { value: view, enumerable: false });
  Object.defineProperty(credentials, INSPECT, { value: view, enumerable: false });
  return credentials;
}

/** Parses an ISO-8601 timestamp, naming the source and field when it is not one. */
export function parseExpiration(text: string, source: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: expiration "${text}" is not an ISO-8601 timestamp (e.g. 2030-01-01T00:00:00Z)`,
    );
  }
  return date;
}
