import {
  AbortError,
  ConnectionRefusedError,
  ConnectionResetError,
  DnsError,
  originSuffix,
  TimeoutError,
  TlsError,
  TransportError,
  type TransportErrorOptions,
} from "./errors.js";

/** Node, undici and http2 codes for a connection or stream the peer dropped. */
const RESET =
  /^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED|ERR_HTTP2_(STREAM_ERROR|SESSION_ERROR|GOAWAY_SESSION|STREAM_CANCEL|INVALID_SESSION))$/;
const DNS = /^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/;
const CONNECT_TIMEOUT = /^(UND_ERR_CONNECT_TIMEOUT|ETIMEDOUT)$/;
/** Node's TLS errors, and OpenSSL's verification codes: all name CERT but one. */
const TLS = /^ERR_(TLS|SSL)_|CERT|^UNABLE_TO_VERIFY_LEAF_SIGNATURE$/;

/**
 * Maps a low-level failure (Node errno, undici or http2 error, fetch TypeError) to a
 * `TransportError` with a stable code. Transports call this once at their boundary so
 * retry classification never looks at platform-specific errors.
 */
export function toTransportError(error: unknown, options: TransportErrorOptions = {}): TransportError {
  if (error instanceof TransportError) return error;
  const withCause = { ...options, cause: error };
  const code = errorCode(error);
  if (code === "ABORT_ERR" || (error as { name?: unknown } | null | undefined)?.name === "AbortError")
    return new AbortError(withCause);
  if (RESET.test(code)) return new ConnectionResetError(withCause);
  if (code === "ECONNREFUSED") return new ConnectionRefusedError(withCause);
  if (DNS.test(code)) return new DnsError(withCause);
  if (CONNECT_TIMEOUT.test(code)) return new TimeoutError("connect", 0, withCause);
  if (TLS.test(code)) return new TlsError(code, withCause);
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError("network", `network error${originSuffix(options.origin)}: ${message}`, withCause);
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
