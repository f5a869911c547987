import type { HttpRequest } from "@lanyard/http";

/**
 * Connection-specific headers RFC 9113 §8.2.2 forbids in HTTP/2 (node:http2 throws on them);
 * `host` is carried as `:authority` instead (§8.3.1).
 */
const DROPPED = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "host",
]);

/** Pseudo-headers plus the request's headers, lower-cased as HTTP/2 requires (§8.2). */
export function requestHeaders(request: HttpRequest): Record<string, string> {
  const { url, headers } = request;
  const out: Record<string, string> = {
    ":method": request.method,
    ":scheme": url.protocol.slice(0, -1),
    ":authority": url.host,
    ":path": url.pathname + url.search,
  };
  for (const name in headers) {
    const lower = name.toLowerCase();
    const value = headers[name] as string;
    if (lower === "host") out[":authority"] = value;
    else if (!DROPPED.has(lower)) out[lower] = value;
  }
  return out;
}
