import { type ResolvedTimeouts, resolveTimeouts, type TransportTimeouts } from "@lanyard/http";

export interface Http2TlsOptions {
  /** PEM CA bundle to trust instead of Node's default roots. */
  ca?: string | string[];
  /** Verify the server certificate. Default `true`; turn off only for local testing. */
  rejectUnauthorized?: boolean;
}

export interface Http2TransportOptions extends TransportTimeouts {
  /** TLS settings for `https:` origins (ALPN `h2`). `http:` origins use h2c (prior knowledge). */
  tls?: Http2TlsOptions;
  /**
   * Streams open at once on an origin's session; further requests wait in a queue (the wait
   * counts toward `requestTimeoutMs`). The server's SETTINGS_MAX_CONCURRENT_STREAMS caps it
   * further. Default 100, the minimum RFC 9113 §6.5.2 recommends servers allow.
   */
  maxConcurrentStreams?: number;
  /** A session with no open stream for this long is closed. Default 30 000 ms. */
  idleTimeoutMs?: number;
}

export const DEFAULT_MAX_CONCURRENT_STREAMS = 100;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export interface ResolvedOptions extends ResolvedTimeouts {
  maxConcurrentStreams: number;
  idleTimeoutMs: number;
  tls: Http2TlsOptions;
}

export function resolveOptions(options: Http2TransportOptions): ResolvedOptions {
  return {
    ...resolveTimeouts(options),
    maxConcurrentStreams: Math.max(1, options.maxConcurrentStreams ?? DEFAULT_MAX_CONCURRENT_STREAMS),
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    tls: options.tls ?? {},
  };
}
