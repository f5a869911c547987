/** The claims of a JSON Web Token, read without verifying its signature. */
export type Claims = Record<string, unknown>;

function base64UrlJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The payload of a compact JWS (`header.payload.signature`), or undefined if `token` is not one. */
export function readClaims(token: string): Claims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const header = base64UrlJson(parts[0]!);
  const payload = base64UrlJson(parts[1]!);
  const isObject = (value: unknown): value is Claims =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject(header) && isObject(payload) ? payload : undefined;
}

/** The `aud` claim: a string, or the first of a list. */
export function audienceOf(claims: Claims): string | undefined {
  const { aud } = claims;
  if (typeof aud === "string") return aud;
  return Array.isArray(aud) && typeof aud[0] === "string" ? aud[0] : undefined;
}

export function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
