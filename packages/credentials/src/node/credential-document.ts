import { CredentialsError } from "../errors.js";
import { createCredentials, parseExpiration } from "../redact.js";
import type { AwsCredentials } from "../types.js";

function field(doc: Record<string, unknown>, name: string): string | undefined {
  const value = doc[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Reads the JSON credential document that ECS/EKS, IMDS and `credential_process`
 * return: AccessKeyId, SecretAccessKey, Token (SessionToken for processes),
 * Expiration, AccountId. The body is never echoed in an error since it holds secrets.
 */
export function parseCredentialDocument(body: string, source: string, now: () => number): AwsCredentials {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new CredentialsError("invalid-credentials", `${source}: response is not JSON`);
  }
  if (typeof doc !== "object" || doc === null) {
    throw new CredentialsError("invalid-credentials", `${source}: response is not a JSON object`);
  }
  const record = doc as Record<string, unknown>;
  const accessKeyId = field(record, "AccessKeyId");
  const secretAccessKey = field(record, "SecretAccessKey");
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw new CredentialsError(
      "invalid-credentials",
      `${source}: AccessKeyId and SecretAccessKey are required`,
    );
  }
  const expirationText = field(record, "Expiration");
  const expiration = expirationText === undefined ? undefined : parseExpiration(expirationText, source);
  if (expiration !== undefined && expiration.getTime() <= now()) {
    throw new CredentialsError("expired", `${source}: credentials expired at ${expiration.toISOString()}`);
  }
  return createCredentials(
    {
      accessKeyId,
      secretAccessKey,
      sessionToken: field(record, "Token") ?? field(record, "SessionToken"),
      expiration,
      accountId: field(record, "AccountId"),
    },
    source,
  );
}
