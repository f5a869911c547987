import type { TransportTimeouts, TransportTlsOptions } from "@lanyard/http";

/** @lanyard/http's TLS settings, which every Node transport takes, under this package's name. */
export type { TransportTlsOptions as NodeTlsOptions };

export interface NodeHttpTransportOptions extends TransportTimeouts {
  /** Connections open at once per origin (scheme, host, port); requests beyond wait for one. Default 50. */
  maxSockets?: number;
  /**
   * The longest an idle connection is kept for reuse. Default 4 000 ms. A shorter server hint
   * (`Keep-Alive: timeout=N`) wins; idle connections never keep the process alive.
   */
  keepAliveTimeoutMs?: number;
  /**
   * `"env"` (default) honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (and their lower-case
   * forms), read when the transport is created; a URL (`http://user:pass@proxy:3128`) sends every
   * request through that proxy; `false` always connects directly.
   */
  proxy?: string | "env" | false;
  /** TLS settings for the target servers (not for an `https://` proxy). */
  tls?: TransportTlsOptions;
}

/** The AWS SDK for JavaScript v3's NodeHttpHandler and our undici transport keep 50 per origin too. */
export const DEFAULT_MAX_SOCKETS = 50;
/**
 * Under the 5 s idle timeout of Node's own HTTP server (and so of many proxies and test servers):
 * reusing a connection the server is about to close is what turns into a spurious reset.
 */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 4_000;
