import {
  checkCount,
  checkMilliseconds,
  checkTlsCa,
  type ResolvedTimeouts,
  resolveTimeouts,
  type TransportTimeouts,
  type TransportTlsOptions,
} from "@lanyard/http";

/** @lanyard/http's TLS settings, which every Node transport takes, under this package's name. */
export type { TransportTlsOptions as Http2TlsOptions };

export interface Http2TransportOptions extends TransportTimeouts {
  /** TLS settings for `https:` origins (ALPN `h2`). `http:` origins use h2c (prior knowledge). */
  tls?: TransportTlsOptions;
  /**
   * Streams open at once on an origin's session; further requests wait in a queue (the wait
   * counts toward `requestTimeoutMs`). The server's SETTINGS_MAX_CONCURRENT_STREAMS caps it
   * further. Default 100, the minimum RFC 9113 §6.5.2 recommends servers allow.
   */
  maxConcurrentStreams?: number;
  /** A session with no open stream for this long is closed. Default 30 000 ms. */
  idleTimeoutMs?: number;
  /**
   * A session with no stream open and no answer from the server for this long is checked with an
   * HTTP/2 PING before its next request; `Infinity` turns the check off. Default 10 000 ms.
   */
  pingAfterIdleMs?: number;
  /**
   * How long that PING may take to come back before the session counts as dead and the request
   * goes to a new connection instead. Default 1 000 ms.
   */
  pingTimeoutMs?: number;
}

export const DEFAULT_MAX_CONCURRENT_STREAMS = 100;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
// OkHttp checks a pooled connection idle for 10 s or more before reusing it
// (RealConnection.IDLE_CONNECTION_HEALTHY_NS) and waits 1 s for the PONG of a PING it sends to a
// suspect HTTP/2 connection (Http2Connection.DEGRADED_PONG_TIMEOUT_NS). Calls less than 10 s
// apart pay nothing; the first after a pause pays one round trip, a dead connection 1 s at most.
export const DEFAULT_PING_AFTER_IDLE_MS = 10_000;
export const DEFAULT_PING_TIMEOUT_MS = 1_000;

export interface ResolvedOptions extends ResolvedTimeouts {
  maxConcurrentStreams: number;
  idleTimeoutMs: number;
  pingAfterIdleMs: number;
  pingTimeoutMs: number;
  tls: TransportTlsOptions;
}

export function resolveOptions(options: Http2TransportOptions): ResolvedOptions {
  checkTlsCa(options.tls?.ca);
  checkCount("maxConcurrentStreams", options.maxConcurrentStreams);
  checkMilliseconds("idleTimeoutMs", options.idleTimeoutMs);
  checkMilliseconds("pingTimeoutMs", options.pingTimeoutMs);
  return {
    ...resolveTimeouts(options),
    maxConcurrentStreams: Math.max(1, options.maxConcurrentStreams ?? DEFAULT_MAX_CONCURRENT_STREAMS),
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    pingAfterIdleMs: options.pingAfterIdleMs ?? DEFAULT_PING_AFTER_IDLE_MS,
    pingTimeoutMs: options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS,
    tls: options.tls ?? {},
  };
}
