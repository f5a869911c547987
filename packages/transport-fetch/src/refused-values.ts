import { TransportError } from "@lanyard/http";

/** What fetch refuses in a header value once it has trimmed the value's surrounding whitespace. */
const REFUSED_CHARACTER = /[\0\n\r\u0100-\uffff]/;
/** HTTP whitespace, which fetch trims from both ends of a value before checking it. */
const SURROUNDING_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Throws a `TransportError` for what fetch would refuse with a `TypeError` that repeats it: a
 * header value holding a line break, a NUL or a character above U+00FF (Node: `Headers.append:
 * "<value>" is an invalid header value`), and a URL with credentials (Node repeats the whole
 * URL, path and query too). The value may be a session token or a presigned signature, so the
 * message names the header instead, and keeps no cause.
 */
export function checkRefusedValues(url: URL, headers: Record<string, string>, origin: string): void {
  if (url.username || url.password) {
    throw new TransportError(
      "network",
      `the request URL to ${origin} carries credentials (user:password@), which fetch refuses`,
      { origin },
    );
  }
  for (const name in headers) {
    const value = headers[name] as string;
    // The common case, a clean value, costs one regular expression test.
    if (REFUSED_CHARACTER.test(value) && REFUSED_CHARACTER.test(value.replace(SURROUNDING_WHITESPACE, ""))) {
      throw new TransportError(
        "network",
        `the request header ${JSON.stringify(name)} to ${origin} holds a line break, NUL or character above U+00FF, which fetch refuses`,
        { origin },
      );
    }
  }
}
