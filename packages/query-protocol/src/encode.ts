// RFC 3986 §2.3: everything but the unreserved set is percent-encoded. encodeURIComponent
// leaves !'()* alone, so those are finished by hand (as the AWS SDKs' `extendedEncodeURIComponent`).
const RESERVED_BY_3986 = /[!'()*]/g;

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    RESERVED_BY_3986,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
