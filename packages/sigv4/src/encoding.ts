// SigV4 URI encoding (AWS General Reference, "Create a canonical request"): every byte except
// the unreserved set A-Z a-z 0-9 - _ . ~ becomes %XY with upper-case hex of its UTF-8 encoding.
// encodeURIComponent already does this except for ! ' ( ) *, which RFC 3986 reserves.
/** Encodes a query key or value (or a path segment) the way SigV4 canonicalizes it. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes a path, keeping its `/` separators. */
export function uriEncodePath(path: string): string {
  return uriEncode(path).replace(/%2F/g, "/");
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
