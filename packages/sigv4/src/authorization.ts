import { invalid } from "./errors.js";
import type { ParsedAuthorization } from "./types.js";

export const ALGORITHM = "AWS4-HMAC-SHA256";

// AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=a;b, Signature=hex
const AUTHORIZATION =
  /^(AWS4-HMAC-SHA256) +Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request *, *SignedHeaders=([^,\s]+) *, *Signature=([0-9a-f]{64}) *$/;

/** The `Authorization` header value for a computed signature. */
export function formatAuthorization(
  accessKeyId: string,
  credentialScope: string,
  signedHeaders: string,
  signature: string,
): string {
  return `${ALGORITHM} Credential=${accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Splits a received SigV4 `Authorization` header into its parts, as a verifying server needs. */
export function parseAuthorization(header: string): ParsedAuthorization {
  const m = typeof header === "string" ? AUTHORIZATION.exec(header.trim()) : null;
  if (!m) {
    const expectation =
      '"AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=<a;b>, Signature=<64 hex>"';
    throw invalid("invalid-authorization", "Malformed Authorization header", expectation);
  }
  return {
    algorithm: m[1]!,
    accessKeyId: m[2]!,
    date: m[3]!,
    region: m[4]!,
    service: m[5]!,
    signedHeaders: m[6]!.split(";"),
    signature: m[7]!,
  };
}
