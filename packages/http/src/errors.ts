/**
 * Stable codes that retry strategies classify. `timeout`, `connection-reset`,
 * `connection-refused` and `truncated-body` are transient; `aborted` never retries.
 */
export type TransportErrorCode =
  | "timeout"
  | "aborted"
  | "connection-reset"
  | "connection-refused"
  | "dns"
  | "tls"
  | "body-too-large"
  | "truncated-body"
  | "closed"
  | "network";

export interface TransportErrorOptions {
  cause?: unknown;
  /** The request's origin (scheme, host, port): never the path or query, which may carry a presigned secret. */
  origin?: string;
}

/** Base class of every transport failure. */
export class TransportError extends Error {
  override name = "TransportError";
  readonly code: TransportErrorCode;
  readonly origin: string | undefined;

  constructor(code: TransportErrorCode, message: string, options: TransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.origin = options.origin;
  }
}

export type TimeoutPhase = "connect" | "request";

export class TimeoutError extends TransportError {
  override name = "TimeoutError";
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;

  constructor(phase: TimeoutPhase, timeoutMs: number, options: TransportErrorOptions = {}) {
    const what = phase === "connect" ? "connecting" : "the request to complete";
    super("timeout", `timed out after ${timeoutMs} ms waiting for ${what}${at(options.origin)}`, options);
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

export class AbortError extends TransportError {
  override name = "AbortError";
  constructor(options: TransportErrorOptions = {}) {
    super("aborted", `the request${at(options.origin)} was aborted by its signal`, options);
  }
}

export class ConnectionResetError extends TransportError {
  override name = "ConnectionResetError";
  constructor(options: TransportErrorOptions = {}) {
    super("connection-reset", `the connection${at(options.origin)} was reset by the peer`, options);
  }
}

export class ConnectionRefusedError extends TransportError {
  override name = "ConnectionRefusedError";
  constructor(options: TransportErrorOptions = {}) {
    super("connection-refused", `the connection${at(options.origin)} was refused`, options);
  }
}

export class DnsError extends TransportError {
  override name = "DnsError";
  constructor(options: TransportErrorOptions = {}) {
    super("dns", `the host name${at(options.origin)} could not be resolved`, options);
  }
}

export class TlsError extends TransportError {
  override name = "TlsError";
  constructor(detail: string, options: TransportErrorOptions = {}) {
    super("tls", `TLS failed${at(options.origin)}: ${detail}`, options);
  }
}

export class BodyTooLargeError extends TransportError {
  override name = "BodyTooLargeError";
  readonly maxBodyBytes: number;
  constructor(maxBodyBytes: number, options: TransportErrorOptions = {}) {
    super(
      "body-too-large",
      `the response body${at(options.origin)} exceeds maxBodyBytes (${maxBodyBytes} bytes)`,
      options,
    );
    this.maxBodyBytes = maxBodyBytes;
  }
}

export class TruncatedBodyError extends TransportError {
  override name = "TruncatedBodyError";
  constructor(received: number, expected: number | undefined, options: TransportErrorOptions = {}) {
    const of = expected === undefined ? "" : ` of ${expected}`;
    super(
      "truncated-body",
      `the response body${at(options.origin)} ended early after ${received}${of} bytes`,
      options,
    );
  }
}

export class TransportClosedError extends TransportError {
  override name = "TransportClosedError";
  constructor(options: TransportErrorOptions = {}) {
    super("closed", "the transport was closed; create a new one to send more requests", options);
  }
}

export function isTransportError(value: unknown): value is TransportError {
  return value instanceof TransportError;
}

function at(origin: string | undefined): string {
  return origin ? ` to ${origin}` : "";
}
