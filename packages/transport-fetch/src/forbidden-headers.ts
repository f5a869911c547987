/**
 * Request headers a browser refuses to let script set (Fetch standard, "forbidden request-header"),
 * plus the `proxy-` and `sec-` prefixes. The runtime sets them itself, so they are dropped
 * instead of failing the request.
 * https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const FORBIDDEN =
  /^(accept-(charset|encoding)|access-control-request-(headers|method)|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/;

export function isForbiddenHeader(lowerName: string): boolean {
  return FORBIDDEN.test(lowerName);
}

/** The request's headers minus the forbidden ones, as a plain record fetch accepts. */
export function allowedHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    if (!isForbiddenHeader(name.toLowerCase())) out[name] = headers[name] as string;
  }
  return out;
}
