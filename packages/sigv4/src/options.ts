import { type SigningTime, signingTime } from "./date.js";
import { invalid } from "./errors.js";
import type { SignOptions } from "./types.js";

/** Options every operation accepts; each operation adds its own (expiresIn, signedHeaders). */
export const SIGN_OPTION_NAMES: readonly string[] = [
  "credentials",
  "region",
  "service",
  "date",
  "unsignedPayload",
  "normalizePath",
  "doubleEncodePath",
  "omitSessionToken",
  "contentSha256Header",
];

const BOOLEAN_OPTIONS = [
  "unsignedPayload",
  "normalizePath",
  "doubleEncodePath",
  "omitSessionToken",
  "contentSha256Header",
] as const;

/** Validated options with the credentials unpacked and the signing time formatted. */
export interface ResolvedOptions extends SignOptions {
  accessKeyId: string;
  secretAccessKey: string;
  /** Undefined for long-term credentials (an empty token counts as none). */
  sessionToken: string | undefined;
  time: SigningTime;
  credentialScope: string;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value !== "";

/**
 * Validates `options`, which may carry the common names and the operation's `extra` ones, and
 * unpacks the credentials. `date` (when verifying, from the request) wins over `options.date`.
 */
export function resolveOptions(
  options: SignOptions,
  extra: readonly string[] = [],
  date?: Date,
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw invalid("invalid-option", "Missing options", "{ credentials, region, service }");
  }
  const allowed = SIGN_OPTION_NAMES.concat(extra);
  for (const name of Object.keys(options)) {
    if (!allowed.includes(name)) {
      throw invalid("invalid-option", `Unknown option "${name}"`, `one of ${allowed.join(", ")}`);
    }
  }
  const { credentials, region, service } = options;
  if (!isNonEmptyString(credentials?.accessKeyId) || !isNonEmptyString(credentials.secretAccessKey)) {
    const expectation = "{ accessKeyId, secretAccessKey } as non-empty strings";
    throw invalid("missing-credentials", "Missing credentials", expectation);
  }
  const { sessionToken } = credentials;
  // A token that is no string would be signed as "5" or "[object Object]" and fail far from here.
  if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== "string") {
    throw invalid("missing-credentials", "Invalid credentials.sessionToken", "a string, or none");
  }
  for (const name of BOOLEAN_OPTIONS) {
    const value = options[name];
    // `"false"` is truthy: a flag given as a string would do the opposite of what it says.
    if (value !== undefined && typeof value !== "boolean") {
      throw invalid("invalid-option", `Invalid ${name}`, "true or false");
    }
  }
  for (const [name, value] of [
    ["region", region],
    ["service", service],
  ]) {
    // Both enter the credential scope: a "/" would split it, and whitespace (a region read with its
    // newline from a file) would sign a scope AWS rejects with SignatureDoesNotMatch.
    if (!isNonEmptyString(value) || /[\s/]/.test(value)) {
      throw invalid("invalid-option", `Invalid ${name}`, 'a non-empty string without "/" or whitespace');
    }
  }
  const time = signingTime(date ?? options.date ?? new Date());
  // The spread goes last: V8 copies `{ ...a, b }` on a slow path (measured 3.5 µs, a quarter of a
  // signature on Node), `{ b, ...a }` on a fast one. The names cannot collide: unknown options threw.
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: sessionToken || undefined,
    time,
    credentialScope: `${time.shortDate}/${region}/${service}/aws4_request`,
    ...options,
  };
}
