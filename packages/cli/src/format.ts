import type { Shell } from "./inputs.js";

/** JSON as the AWS CLI prints it (`json.dump(…, indent=4)` and a newline). */
export function awsJson(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

/** A timestamp as the AWS CLI prints one (Python's `isoformat()` of a UTC datetime). */
export function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

export interface CallerIdentity {
  UserId?: string;
  Account?: string;
  Arn?: string;
}

/** `aws sts get-caller-identity` output: JSON in the model's member order, or text. */
export function formatIdentity(identity: CallerIdentity, output: "json" | "text"): string {
  const { UserId, Account, Arn } = identity;
  if (output === "json") return awsJson({ UserId, Account, Arn });
  // The AWS CLI's text format prints a structure's scalars tab-separated, keys sorted.
  return `${[Account, Arn, UserId].filter((value) => value !== undefined).join("\t")}\n`;
}

/** Temporary (or long-term) credentials in the AWS wire names. */
export interface CredentialValues {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string | undefined;
  Expiration?: Date | undefined;
}

/** The `credential_process` Version 1 document, as `aws configure export-credentials` prints it. */
export function formatProcessCredentials(credentials: CredentialValues): string {
  const document: Record<string, string | number> = {
    Version: 1,
    AccessKeyId: credentials.AccessKeyId,
    SecretAccessKey: credentials.SecretAccessKey,
  };
  if (credentials.SessionToken) document.SessionToken = credentials.SessionToken;
  if (credentials.Expiration) document.Expiration = isoUtc(credentials.Expiration);
  return `${JSON.stringify(document, null, 2)}\n`;
}

// AWS keys and tokens are base64 and ARN characters; anything else is quoted, so a stray
// character can never run as shell code when the output is `eval`ed.
const SH_SAFE = /^[A-Za-z0-9+/=:.,_@%-]*$/;

const ASSIGN: Record<Shell, (name: string, value: string) => string> = {
  sh: (name, value) => `export ${name}=${SH_SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`,
  fish: (name, value) => `set -gx ${name} "${value.replace(/[\\"$]/g, "\\$&")}"`,
  powershell: (name, value) => `$Env:${name}="${value.replace(/[`"$]/g, "`$&")}"`,
};

/** Shell assignments as `aws configure export-credentials --format env|fish|powershell` prints them. */
export function formatEnvCredentials(credentials: CredentialValues, shell: Shell): string {
  const lines = [
    ASSIGN[shell]("AWS_ACCESS_KEY_ID", credentials.AccessKeyId),
    ASSIGN[shell]("AWS_SECRET_ACCESS_KEY", credentials.SecretAccessKey),
  ];
  if (credentials.SessionToken) lines.push(ASSIGN[shell]("AWS_SESSION_TOKEN", credentials.SessionToken));
  if (credentials.Expiration) {
    lines.push(ASSIGN[shell]("AWS_CREDENTIAL_EXPIRATION", isoUtc(credentials.Expiration)));
  }
  return `${lines.join("\n")}\n`;
}
