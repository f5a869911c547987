import { classBrand, isInstanceAcrossCopies } from "./class-brand.js";

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
  static readonly [classBrand]: string = "TransportError";

  /** True for this class's instances from any copy of `@lanyard/http` (see `isInstanceAcrossCopies`). */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` names.
    return isInstanceAcrossCopies(this, value);
  }

  override name = "TransportError";
  // `declare`: assigned in the constructor, so no class-field initializer is emitted.
  declare readonly code: TransportErrorCode;
  declare readonly origin: string | undefined;

  constructor(code: TransportErrorCode, message: string, options: TransportErrorOptions = {}) {
    super(message, options);
    this.code = code;
    this.origin = options.origin;
  }
}

/** A `TransportError` subclass whose only constructor argument is the options. */
export interface TransportErrorClass {
  new (options?: TransportErrorOptions): TransportError;
  readonly prototype: TransportError;
}

/** Builds one of the subclasses below; `describe` places `at` (" to <origin>", or "") in its message. */
function defineTransportError(
  name: string,
  code: TransportErrorCode,
  describe: (at: string) => string,
): TransportErrorClass {
  return class extends TransportError {
    static override readonly [classBrand] = name;
    override name = name;
    constructor(options: TransportErrorOptions = {}) {
      super(code, describe(originSuffix(options.origin)), options);
    }
  };
}

// One row per error that needs nothing but its options; `/* @__PURE__ */` lets bundlers drop unused rows.
export const AbortError = /* @__PURE__ */ defineTransportError(
  "AbortError",
  "aborted",
  (at) => `the request${at} was aborted by its signal`,
);
export const ConnectionResetError = /* @__PURE__ */ defineTransportError(
  "ConnectionResetError",
  "connection-reset",
  (at) => `the connection${at} was reset by the peer`,
);
export const ConnectionRefusedError = /* @__PURE__ */ defineTransportError(
  "ConnectionRefusedError",
  "connection-refused",
  (at) => `the connection${at} was refused`,
);
export const DnsError = /* @__PURE__ */ defineTransportError(
  "DnsError",
  "dns",
  (at) => `the host name${at} could not be resolved`,
);
export const TransportClosedError = /* @__PURE__ */ defineTransportError(
  "TransportClosedError",
  "closed",
  () => "the transport is closed; create a new one",
);
export type AbortError = TransportError;
export type ConnectionResetError = TransportError;
export type ConnectionRefusedError = TransportError;
export type DnsError = TransportError;
export type TransportClosedError = TransportError;

export type TimeoutPhase = "connect" | "request";

export class TimeoutError extends TransportError {
  static override readonly [classBrand] = "TimeoutError";
  override name = "TimeoutError";
  declare readonly phase: TimeoutPhase;
  declare readonly timeoutMs: number;

  constructor(phase: TimeoutPhase, timeoutMs: number, options: TransportErrorOptions = {}) {
    const connecting = phase === "connect" ? " while connecting" : "";
    super(
      "timeout",
      `the request${originSuffix(options.origin)} timed out after ${timeoutMs} ms${connecting}`,
      options,
    );
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

export class TlsError extends TransportError {
  static override readonly [classBrand] = "TlsError";
  override name = "TlsError";
  constructor(detail: string, options: TransportErrorOptions = {}) {
    super("tls", `TLS failed${originSuffix(options.origin)}: ${detail}`, options);
  }
}

export class BodyTooLargeError extends TransportError {
  static override readonly [classBrand] = "BodyTooLargeError";
  override name = "BodyTooLargeError";
  declare readonly maxBodyBytes: number;
  constructor(maxBodyBytes: number, options: TransportErrorOptions = {}) {
    super(
      "body-too-large",
      `the response${originSuffix(options.origin)} exceeds maxBodyBytes (${maxBodyBytes})`,
      options,
    );
    this.maxBodyBytes = maxBodyBytes;
  }
}

export class TruncatedBodyError extends TransportError {
  static override readonly [classBrand] = "TruncatedBodyError";
  override name = "TruncatedBodyError";
  constructor(received: number, expected: number | undefined, options: TransportErrorOptions = {}) {
    const of = expected === undefined ? "" : ` of ${expected}`;
    super(
      "truncated-body",
      `the response${originSuffix(options.origin)} ended early after ${received}${of} bytes`,
      options,
    );
  }
}

export function isTransportError(value: unknown): value is TransportError {
  return value instanceof TransportError;
}

/** ` to <origin>` for messages, or nothing when the origin is unknown. */
export function originSuffix(origin: string | undefined): string {
  return origin ? ` to ${origin}` : "";
}
