import type { IncomingMessage } from "node:http";
import { BodyTooLargeError, concatBytes, parseContentLength, TruncatedBodyError } from "@lanyard/http";

/**
 * Response header names lower-cased, repeated values joined with ", " (RFC 9110 §5.3), read from
 * `rawHeaders`: Node's own `headers` object drops repeats of some names (content-type, …).
 */
export function responseHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    // No header is called that; assigning it would replace the record's prototype instead.
    if (name === "__proto__") continue;
    const value = raw[i + 1]!;
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** Whether a response to `method` with `status` has a body to read (RFC 9112 §6.3). */
export function hasBody(method: string, status: number): boolean {
  return method !== "HEAD" && status !== 204 && status !== 304 && status >= 200;
}

/**
 * Collects the body through `data` events, which cost less than async iteration (a promise per
 * chunk) and count what arrived, so a connection that ends before `Content-Length` bytes is a
 * `TruncatedBodyError`. Past `maxBodyBytes` the response is destroyed, freeing its socket.
 */
export function collectBody(
  res: IncomingMessage,
  limits: { maxBodyBytes: number; contentLength: number | undefined },
  origin: string,
): Promise<Uint8Array> {
  const { maxBodyBytes, contentLength } = limits;
  if (contentLength !== undefined && contentLength > maxBodyBytes) {
    return Promise.reject(new BodyTooLargeError(maxBodyBytes, { origin }));
  }
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    let received = 0;
    const truncated = (cause?: unknown) => new TruncatedBodyError(received, contentLength, { origin, cause });
    res.on("data", (chunk: Uint8Array) => {
      received += chunk.byteLength;
      if (received > maxBodyBytes) return reject(new BodyTooLargeError(maxBodyBytes, { origin }));
      parts.push(chunk);
    });
    // Node reports a connection lost mid-body as ECONNRESET "aborted"; with a length announced,
    // what the caller needs to know is that the body is short.
    res.on("error", (error) => reject(contentLength === undefined ? error : truncated(error)));
    res.on("end", () => {
      if (!res.complete) reject(truncated());
      else resolve(parts.length === 0 ? new Uint8Array(0) : concatBytes(parts, received));
    });
  });
}

export { parseContentLength };
