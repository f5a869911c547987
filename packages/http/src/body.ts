import { BodyTooLargeError, type TransportErrorOptions, TruncatedBodyError } from "./errors.js";

/**
 * Collects a response body into one buffer, failing as soon as it grows past `maxBodyBytes`
 * so a misbehaving server cannot exhaust memory. When the server announced a
 * Content-Length, a shorter body is a `TruncatedBodyError`.
 */
export async function readBody(
  chunks: AsyncIterable<Uint8Array>,
  limits: { maxBodyBytes: number; contentLength?: number | undefined },
  options: TransportErrorOptions = {},
): Promise<Uint8Array> {
  const { maxBodyBytes, contentLength } = limits;
  if (contentLength !== undefined && contentLength > maxBodyBytes) {
    throw new BodyTooLargeError(maxBodyBytes, options);
  }
  const parts: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of chunks) {
    received += chunk.byteLength;
    if (received > maxBodyBytes) throw new BodyTooLargeError(maxBodyBytes, options);
    parts.push(chunk);
  }
  if (contentLength !== undefined && received < contentLength) {
    throw new TruncatedBodyError(received, contentLength, options);
  }
  return concatBytes(parts, received);
}

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total ?? parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Parses a Content-Length header; anything but a plain non-negative integer is ignored. */
export function parseContentLength(value: string | null | undefined): number | undefined {
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The request body as bytes (strings are UTF-8). */
export function bodyBytes(body: string | Uint8Array | undefined): Uint8Array | undefined {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}
