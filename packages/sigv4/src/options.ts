import { type SigningTime, signingTime } from "./date.js";
import { SigV4Error } from "./errors.js";
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

/** Validated options with defaults applied and the signing time formatted. */
export interface ResolvedOptions {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  region: string;
  service: string;
  time: SigningTime;
  credentialScope: string;
  unsignedPayload: boolean;
  normalizePath: boolean;
  doubleEncodePath: boolean;
  omitSessionToken: boolean;
  contentSha256Header: boolean;
}

function checkNames(options: object, allowed: ReadonlySet<string>): void {
  for (const name of Object.keys(options)) {
    if (!allowed.has(name)) {
      throw new SigV4Error(
        "invalid-option",
        `Unknown option "${name}": expected one of ${[...allowed].join(", ")}.`,
      );
    }
  }
}

function checkScopePart(name: "region" | "service", value: unknown): string {
  if (typeof value !== "string" || value === "" || value.includes("/")) {
    throw new SigV4Error("invalid-option", `Invalid ${name}: expected a non-empty string without "/".`);
  }
  return value;
}

function checkCredentials(credentials: SignOptions["credentials"] | undefined): void {
  if (
    typeof credentials !== "object" ||
    credentials === null ||
    typeof credentials.accessKeyId !== "string" ||
    credentials.accessKeyId === "" ||
    typeof credentials.secretAccessKey !== "string" ||
    credentials.secretAccessKey === ""
  ) {
    throw new SigV4Error(
      "missing-credentials",
      "Missing credentials: expected { accessKeyId, secretAccessKey } as non-empty strings.",
    );
  }
  const token = credentials.sessionToken;
  if (token !== undefined && typeof token !== "string") {
    throw new SigV4Error("missing-credentials", "Invalid credentials.sessionToken: expected a string.");
  }
}

/** Validates `options` (names limited to `allowed`) and applies the defaults. */
export function resolveOptions(
  options: SignOptions,
  allowed: ReadonlySet<string>,
  date?: Date,
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new SigV4Error("invalid-option", "Missing options: expected { credentials, region, service }.");
  }
  checkNames(options, allowed);
  const { credentials } = options;
  checkCredentials(credentials);
  const region = checkScopePart("region", options.region);
  const service = checkScopePart("service", options.service);
  const time = signingTime(date ?? options.date ?? new Date());
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken || undefined,
    region,
    service,
    time,
    credentialScope: `${time.shortDate}/${region}/${service}/aws4_request`,
    unsignedPayload: options.unsignedPayload === true,
    normalizePath: options.normalizePath !== false,
    doubleEncodePath: options.doubleEncodePath !== false,
    omitSessionToken: options.omitSessionToken === true,
    contentSha256Header: options.contentSha256Header === true,
  };
}
