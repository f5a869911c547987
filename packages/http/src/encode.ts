// RFC 3986 §2.3: every byte but the unreserved set A-Z a-z 0-9 - _ . ~ becomes %XY with upper-case
// hex of its UTF-8 encoding. encodeURIComponent does this except for ! ' ( ) *, which RFC 3986
// reserves, so those are finished by hand (the AWS SDKs' `extendedEncodeURIComponent`). SigV4
// canonicalization, awsQuery form bodies and the endpoint rules' `uriEncode` all encode this way.
const RESERVED_BY_3986 = /[!'()*]/g;

/** Percent-encodes a string as RFC 3986 requires; throws `URIError` on an unpaired surrogate. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    RESERVED_BY_3986,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Whether a URL's user name and password are valid percent-encoding (a proxy URL's credentials). */
export function hasDecodableCredentials(url: URL): boolean {
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return true;
  } catch {
    return false;
  }
}
