import {
  AbortError,
  ConnectionRefusedError,
  ConnectionResetError,
  DnsError,
  TimeoutError,
  TlsError,
  TransportError,
  type TransportErrorOptions,
} from "./errors.js";

/**
 * Maps a low-level failure (Node errno, undici or http2 error, fetch TypeError) to a
 * `TransportError` with a stable code. Transports call this once at their boundary so
 * retry classification never looks at platform-specific errors.
 */
export function toTransportError(error: unknown, options: TransportErrorOptions = {}): TransportError {
  if (error instanceof TransportError) return error;
  const withCause = { ...options, cause: error };
  const code = errorCode(error);
  if (code === "ABORT_ERR" || nameOf(error) === "AbortError") return new AbortError(withCause);
  if (code in RESET_CODES) return new ConnectionResetError(withCause);
  if (code === "ECONNREFUSED") return new ConnectionRefusedError(withCause);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return new DnsError(withCause);
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT")
    return new TimeoutError("connect", 0, withCause);
  if (isTlsCode(code)) return new TlsError(code, withCause);
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError("network", `network error${suffix(options.origin)}: ${message}`, withCause);
}

const RESET_CODES: Record<string, true> = {
  ECONNRESET: true,
  EPIPE: true,
  ECONNABORTED: true,
  UND_ERR_SOCKET: true,
  UND_ERR_CLOSED: true,
  ERR_HTTP2_STREAM_ERROR: true,
  ERR_HTTP2_SESSION_ERROR: true,
  ERR_HTTP2_GOAWAY_SESSION: true,
  ERR_HTTP2_STREAM_CANCEL: true,
  ERR_HTTP2_INVALID_SESSION: true,
};

function isTlsCode(code: string): boolean {
  return (
    code.startsWith("ERR_TLS_") ||
    code.startsWith("ERR_SSL_") ||
    code.includes("CERT") ||
    code === "DEPTH_ZERO_SELF_SIGNED_CERT" ||
    code === "SELF_SIGNED_CERT_IN_CHAIN" ||
    code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
  );
}

/** Reads `code` from the error or, for wrapped errors (fetch's TypeError), from its cause chain. */
function errorCode(error: unknown): string {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "";
}

function nameOf(error: unknown): string {
  return typeof error === "object" && error !== null ? String((error as { name?: unknown }).name) : "";
}

function suffix(origin: string | undefined): string {
  return origin ? ` to ${origin}` : "";
}
