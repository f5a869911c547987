import { isRecord, parseJsonObject } from "./json-object.js";
/**
 * The session file `aws login` (AWS CLI 2.32+) keeps under ~/.aws/login/cache, one per console
 * session. Field names as the CLI writes them (awscli/customizations/login/utils.py) and as the
 * SDKs read them (aws-sdk-js-v3 credential-provider-login `LoginToken`, botocore
 * `LoginCredentialFetcher`). Fields this package does not use are kept, so a rewrite loses nothing.
 */
export interface LoginToken {
  accessToken: LoginAccessToken;
  clientId: string;
  refreshToken: string;
  /** The DPoP private key: P-256, PEM (`EC PRIVATE KEY` as the CLI writes it, or PKCS#8). */
  dpopKey: string;
  tokenType?: string;
  idToken?: string;
  [field: string]: unknown;
}

export interface LoginAccessToken {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  /** ISO-8601; the CLI writes `2025-11-19T00:15:00Z`, the JavaScript SDK `2025-11-19T00:15:00.000Z`. */
  expiresAt: string;
  [field: string]: unknown;
}

/** Either the token or why the file cannot be used. The reason never quotes the file. */
export type LoginTokenParse = { token: LoginToken; expiresAt: Date } | { problem: string };

const TOP_LEVEL = ["clientId", "refreshToken", "dpopKey"] as const;
const ACCESS_TOKEN = ["accessKeyId", "secretAccessKey", "sessionToken", "accountId", "expiresAt"] as const;

/** Names every required field that is absent, not a string, or empty. */
function missingFields(record: Record<string, unknown>, fields: readonly string[], prefix = ""): string[] {
  return fields
    .filter((field) => typeof record[field] !== "string" || record[field] === "")
    .map((field) => `${prefix}${field}`);
}

/**
 * Checks a cache file's text. Required, as the JavaScript SDK requires them: `accessToken` with
 * `accountId`, `clientId`, `refreshToken`, `dpopKey`; and, because the credentials are served from
 * them, the access token's keys and an ISO-8601 `expiresAt`.
 */
export function parseLoginToken(text: string): LoginTokenParse {
  const value = parseJsonObject(text);
  if (value === undefined) return { problem: "it is not a JSON object" };
  const access = value.accessToken;
  const missing = missingFields(value, TOP_LEVEL);
  if (isRecord(access)) missing.unshift(...missingFields(access, ACCESS_TOKEN, "accessToken."));
  else missing.unshift("accessToken");
  if (missing.length > 0) return { problem: `missing or empty: ${missing.join(", ")}` };
  const token = value as LoginToken;
  const expiresAt = new Date(token.accessToken.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) {
    return { problem: "accessToken.expiresAt is not an ISO-8601 timestamp" };
  }
  return { token, expiresAt };
}
