import { percentEncode } from "@lanyard/http";

// SigV4 URI encoding (AWS General Reference, "Create a canonical request") is RFC 3986's:
// every byte but the unreserved set becomes %XY (upper-case hex of its UTF-8 encoding).
/** Encodes a query key or value (or a path segment) the way SigV4 canonicalizes it. */
export const uriEncode: (value: string) => string = percentEncode;

// A path of unreserved characters and separators (`/`, `/v1/token`) encodes to itself.
const UNRESERVED_PATH = /^[A-Za-z0-9\-._~/]*$/;

/** Encodes a path, keeping its `/` separators. */
export function uriEncodePath(path: string): string {
  return UNRESERVED_PATH.test(path) ? path : uriEncode(path).replace(/%2F/g, "/");
}

/**
 * Decodes percent-escapes of a wire-form query component. `+` stays `+`: RFC 3986 gives it no
 * special meaning, as the Smithy and aws-c-auth signers also treat it. A malformed escape is
 * kept literally rather than failing the signature.
 */
export function uriDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
