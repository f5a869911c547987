import { findCause } from "./cause-chain.js";
import {
  AbortError,
  ConnectionRefusedError,
  ConnectionResetError,
  DnsError,
  TimeoutError,
  TlsError,
  type TransportError,
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
 * The `TransportError` a Node errno, undici or http2 error code stands for (read from the error
 * or, for wrapped errors such as Node fetch's TypeError, from its cause chain); undefined when
 * the error carries no code this knows.
 */
export function fromSystemError(error: unknown, options: TransportErrorOptions): TransportError | undefined {
  const code = errorCode(error);
  if (code === "ABORT_ERR") return new AbortError(options);
  if (RESET.test(code)) return new ConnectionResetError(options);
  if (code === "ECONNREFUSED") return new ConnectionRefusedError(options);
  if (DNS.test(code)) return new DnsError(options);
  if (CONNECT_TIMEOUT.test(code)) return new TimeoutError("connect", 0, options);
  if (TLS.test(code)) return new TlsError(code, options);
  return undefined;
}

function errorCode(error: unknown): string {
  return findCause(error, hasCode)?.code ?? "";
}

function hasCode(candidate: unknown): candidate is { code: string } {
  return typeof (candidate as { code?: unknown }).code === "string";
}
