import { CredentialsError } from "./errors.js";
import { hideSecrets } from "./redact-view.js";
import type { AwsCredentials } from "./types.js";

// Objects made by `createCredentials`, so wrappers (`cached`, `chain`) can pass them through
// without copying while still wrapping the plain objects a user's provider or hook returns.
const issued = new WeakSet<object>();

function invalid(source: string, what: string): CredentialsError {
  return new CredentialsError("invalid-credentials", `${source}: ${what}`);
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** An optional string member: absent when undefined, null or empty. */
function optionalString(value: unknown, source: string, name: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw invalid(source, `${name} must be a string`);
  return value;
}

function checkRequired(value: AwsCredentials, source: string): void {
  if (typeof value !== "object" || value === null) {
    throw invalid(source, "expected an object with accessKeyId and secretAccessKey");
  }
  if (typeof value.accessKeyId !== "string" || value.accessKeyId === "") {
    throw invalid(source, "accessKeyId must be a non-empty string");
  }
  if (typeof value.secretAccessKey !== "string" || value.secretAccessKey === "") {
    throw invalid(source, "secretAccessKey must be a non-empty string");
  }
  if (
    value.expiration !== undefined &&
    (!isDate(value.expiration) || Number.isNaN(value.expiration.getTime()))
  ) {
    throw invalid(source, "expiration must be a valid Date");
  }
}

/**
 * Validates a credential set and returns a copy whose `toJSON` and `util.inspect`
 * output hide the secret and token; the properties themselves stay readable.
 * The hooks are non-enumerable so spreading or comparing the object sees only data.
 * Messages name the member that is wrong, never its value.
 */
export function createCredentials(value: AwsCredentials, source = "credentials"): AwsCredentials {
  checkRequired(value, source);
  const credentials: AwsCredentials = {
    accessKeyId: value.accessKeyId,
    secretAccessKey: value.secretAccessKey,
  };
  const sessionToken = optionalString(value.sessionToken, source, "sessionToken");
  if (sessionToken !== undefined) credentials.sessionToken = sessionToken;
  if (value.expiration !== undefined) credentials.expiration = value.expiration;
  const accountId = optionalString(value.accountId, source, "accountId");
  if (accountId !== undefined) credentials.accountId = accountId;
  hideSecrets(credentials);
  issued.add(credentials);
  return credentials;
}

/**
 * `value` itself when `createCredentials` made it, else a validated, redacting copy: what
 * wrappers return for whatever a user's provider or hook hands them (often a plain object).
 */
export function redacting(value: AwsCredentials, source: string): AwsCredentials {
  return typeof value === "object" && value !== null && issued.has(value)
    ? value
    : createCredentials(value, source);
}

/**
 * Parses an ISO-8601 timestamp. `label` names the source and field; the text itself is
 * never repeated, since a misplaced secret or a hostile document may sit in that field.
 */
export function parseExpiration(text: string, label: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new CredentialsError(
      "invalid-credentials",
      `${label} is not an ISO-8601 timestamp (expected a form like 2030-01-01T00:00:00Z)`,
    );
  }
  return date;
}
