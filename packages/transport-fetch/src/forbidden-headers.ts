/**
 * Request headers a browser refuses to let script set (Fetch standard, "forbidden request-header").
 * The runtime sets them itself, so they are dropped instead of failing the request.
 * Exact names here; `proxy-` and `sec-` prefixes are checked separately.
 * https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const FORBIDDEN = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);

export function isForbiddenHeader(lowerName: string): boolean {
  return FORBIDDEN.has(lowerName) || lowerName.startsWith("proxy-") || lowerName.startsWith("sec-");
}

/** The request's headers minus the forbidden ones, as a plain record fetch accepts. */
export function allowedHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    if (!isForbiddenHeader(name.toLowerCase())) out[name] = headers[name] as string;
  }
  return out;
}
