import {
  checkTlsCa,
  type ResolvedTimeouts,
  resolveTimeouts,
  type TransportTimeouts,
  type TransportTlsOptions,
} from "@lanyard/http";
import type { Dispatcher } from "undici";
import { checkProxyUrl, envProxies } from "./proxy-url.js";
import { Agent } from "./undici-parts.js";

/** @lanyard/http's TLS settings, which every Node transport takes, under this package's name. */
export type { TransportTlsOptions as UndiciTlsOptions };

export interface UndiciTransportOptions extends TransportTimeouts {
  /** Connections kept per origin. Default 50. */
  connections?: number;
  /** Requests pipelined on one connection. Default 1 (off): a stalled response cannot block others. */
  pipelining?: number;
  /** The longest an idle connection stays open for reuse (a shorter server hint wins). Default 4 000 ms. */
  keepAliveTimeoutMs?: number;
  /**
   * Proxy for every request: a URL (`http://proxy:3128`), `"env"` to honour
   * `HTTP_PROXY` / `HTTPS_PROXY` / `NO_PROXY`, or `false` (default) for direct connections.
   */
  proxy?: string | "env" | false;
  /** TLS settings for the target servers (not the proxy). */
  tls?: TransportTlsOptions;
}

export const DEFAULT_CONNECTIONS = 50;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 4_000;

export type ResolvedOptions = ResolvedTimeouts;
export { resolveTimeouts };

/**
 * One dispatcher for the transport's lifetime. An undici `Agent` keeps one `Pool` per
 * origin, so keep-alive connections are reused across calls without any lookup of our own.
 */
export function createDispatcher(
  options: UndiciTransportOptions,
  timeouts: ResolvedOptions,
): Dispatcher | Promise<Dispatcher> {
  checkTlsCa(options.tls?.ca);
  const tls = { ...options.tls, timeout: timeouts.connectTimeoutMs };
  const keepAlive = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  const agentOptions = {
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    pipelining: options.pipelining ?? 1,
    keepAliveTimeout: keepAlive,
    // undici otherwise prefers a server's `Keep-Alive: timeout=` hint; ours is the upper bound.
    keepAliveMaxTimeout: keepAlive,
    connect: tls,
  };
  const proxy = options.proxy ?? false;
  if (proxy === false) return new Agent(agentOptions);
  // Checked here, synchronously: in the promise below a bad URL rejected unseen, or unhandled.
  const fromEnv = proxy === "env" ? envProxies() : undefined;
  if (!fromEnv) checkProxyUrl(proxy, "the proxy option");
  // ProxyAgent replaces `connect` with its tunnel; the target's TLS settings go in `requestTls`.
  // It needs the `connect` method that only undici's index attaches, so proxies load it whole.
  const proxyTls = { timeout: timeouts.connectTimeoutMs };
  return import("undici").then(({ EnvHttpProxyAgent, ProxyAgent }) =>
    fromEnv
      ? new EnvHttpProxyAgent({ ...agentOptions, ...fromEnv, requestTls: tls, proxyTls })
      : new ProxyAgent({ ...agentOptions, uri: proxy, requestTls: tls, proxyTls }),
  );
}
