import { CredentialsError } from "../errors.js";
import { createCredentials, parseExpiration } from "../redact.js";
import type { AwsCredentials } from "../types.js";

function field(doc: Record<string, unknown>, name: string): string | undefined {
  const value = doc[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function required(doc: Record<string, unknown>, name: string, source: string): string {
  const value = field(doc, name);
  if (value === undefined) {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: ${name} is missing or not a non-empty string`,
    );
  }
  return value;
}

/**
 * Parses a JSON credential document into an object. Neither the body nor any value in it
 * is ever echoed in an error: the body holds the secret key and token.
 */
function parseDocument(body: string, source: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: the credentials document is not JSON (expected a JSON object)`,
    );
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: the credentials document is not a JSON object`,
    );
  }
  return doc as Record<string, unknown>;
}

/**
 * Reads the credential document that ECS/EKS, IMDS and `credential_process` return:
 * AccessKeyId, SecretAccessKey, Token (SessionToken for processes), Expiration, AccountId.
 */
export function readCredentialDocument(
  doc: Record<string, unknown>,
  source: string,
  now: () => number,
): AwsCredentials {
  const accessKeyId = required(doc, "AccessKeyId", source);
  const secretAccessKey = required(doc, "SecretAccessKey", source);
  const expirationText = field(doc, "Expiration");
  const expiration =
    expirationText === undefined ? undefined : parseExpiration(expirationText, `${source}: Expiration`);
  if (expiration !== undefined && expiration.getTime() <= now()) {
    // The parsed date, re-rendered, carries nothing but a time: safe to show, and the clue to a skewed clock.
    throw new CredentialsError("expired", `${source}: credentials expired at ${expiration.toISOString()}`);
  }
  return createCredentials(
    {
      accessKeyId,
      secretAccessKey,
      sessionToken: field(doc, "Token") ?? field(doc, "SessionToken"),
      expiration,
      accountId: field(doc, "AccountId"),
    },
    source,
  );
}

/** `parseDocument` then `readCredentialDocument`: the body of a container or IMDS answer. */
export function parseCredentialDocument(body: string, source: string, now: () => number): AwsCredentials {
  return readCredentialDocument(parseDocument(body, source), source, now);
}
