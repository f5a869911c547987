import { BodyTooLargeError, type TransportErrorOptions, TruncatedBodyError } from "./errors.js";

export interface BodyLimits {
  maxBodyBytes: number;
  /** The announced Content-Length of the bytes the transport receives, when there is one. */
  contentLength?: number | undefined;
}

/** One response body as its chunks arrive (see `bodyCollector`). */
export interface BodyCollector {
  /** Adds a chunk; throws `BodyTooLargeError` past the cap, and the transport stops reading. */
  push(chunk: Uint8Array): void;
  /** The whole body once the transport has seen its end; `TruncatedBodyError` if it is short. */
  finish(): Uint8Array;
  /** Bytes pushed so far, for a transport's own `TruncatedBodyError` when its connection drops. */
  readonly received: number;
}

/**
 * The one body reader every transport feeds, however its chunks arrive (a stream reader, `data`
 * events, async iteration): it fails as soon as the body grows past `maxBodyBytes`, so a
 * misbehaving server cannot exhaust memory, and a body shorter than its announced Content-Length
 * is a `TruncatedBodyError`. Throws `BodyTooLargeError` at once when the announced length is past
 * the cap.
 */
export function bodyCollector(limits: BodyLimits, options: TransportErrorOptions = {}): BodyCollector {
  const { maxBodyBytes, contentLength } = limits;
  if (contentLength !== undefined && contentLength > maxBodyBytes) {
    throw new BodyTooLargeError(maxBodyBytes, options);
  }
  const parts: Uint8Array[] = [];
  let received = 0;
  return {
    push(chunk) {
      received += chunk.byteLength;
      if (received > maxBodyBytes) throw new BodyTooLargeError(maxBodyBytes, options);
      parts.push(chunk);
    },
    finish() {
      if (contentLength !== undefined && received < contentLength) {
        throw new TruncatedBodyError(received, contentLength, options);
      }
      return concatBytes(parts, received);
    },
    get received() {
      return received;
    },
  };
}

/** Collects a body from an async iterable of chunks (a Node stream) with `bodyCollector`. */
export async function readBody(
  chunks: AsyncIterable<Uint8Array>,
  limits: BodyLimits,
  options: TransportErrorOptions = {},
): Promise<Uint8Array> {
  const body = bodyCollector(limits, options);
  for await (const chunk of chunks) body.push(chunk);
  return body.finish();
}

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 0) return new Uint8Array(0);
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

/** Whether a response to `method` with `status` has a body to read (RFC 9112 §6.3). */
export function hasBody(method: string, status: number): boolean {
  return method !== "HEAD" && status !== 204 && status !== 304 && status >= 200;
}

/**
 * The body length a response announces, for `bodyCollector`: its Content-Length, unless the
 * response has no body, as the answer to a HEAD or a 304, whose Content-Length describes the
 * body a GET would get.
 */
export function announcedBodyLength(
  method: string,
  status: number,
  contentLength: string | null | undefined,
): number | undefined {
  return hasBody(method, status) ? parseContentLength(contentLength) : undefined;
}

/** The request body as bytes (strings are UTF-8). */
export function bodyBytes(body: string | Uint8Array | undefined): Uint8Array | undefined {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}
