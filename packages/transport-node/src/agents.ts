import { type AgentOptions, type ClientRequestArgs, Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Duplex } from "node:stream";
import { TransportClosedError } from "@lanyard/http";
import { armConnectTimeout } from "./connect-timeout.js";
import type { TlsSettings } from "./tls-context.js";

export interface PoolSettings {
  maxSockets: number;
  keepAliveTimeoutMs: number;
  connectTimeoutMs: number;
}

/**
 * Node's keep-alive pool options. Node itself unrefs a socket when it goes idle in the pool and
 * refs it again when a request takes it (`Agent#keepSocketAlive` / `reuseSocket`), so an idle
 * connection never keeps the process alive; `timeout` closes it after `keepAliveTimeoutMs` idle.
 */
export function agentOptions(pool: PoolSettings): AgentOptions {
  return {
    keepAlive: true,
    maxSockets: pool.maxSockets,
    timeout: pool.keepAliveTimeoutMs,
    // Most recently used first: the busy core stays warm and surplus sockets idle out.
    scheduling: "lifo",
    noDelay: true,
  };
}

/** The pool key: every request of one agent shares its TLS settings, so host and port suffice. */
function poolName(options: ClientRequestArgs): string {
  return `${options.host ?? options.hostname}:${options.port}`;
}

/** An agent the transport can shut for good. */
export interface ClosableAgent extends HttpAgent {
  /** Destroys every socket and refuses to open new ones. */
  shut(): void;
}

/** Plain HTTP: node:http's pool with a connect timeout on each new connection. */
export class KeepAliveHttpAgent extends HttpAgent implements ClosableAgent {
  readonly #connectTimeoutMs: number;
  #shut = false;

  constructor(pool: PoolSettings) {
    super(agentOptions(pool));
    this.#connectTimeoutMs = pool.connectTimeoutMs;
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    if (this.#shut) return refuse(callback);
    const socket = super.createConnection(options, callback);
    if (socket) armConnectTimeout(socket, this.#connectTimeoutMs, false);
    return socket;
  }

  shut(): void {
    this.#shut = true;
    this.destroy();
  }

  override getName(options: ClientRequestArgs = {}): string {
    return poolName(options);
  }
}

/** HTTPS: node:https's pool, one secure context for every handshake, a connect timeout covering TLS. */
export class KeepAliveHttpsAgent extends HttpsAgent implements ClosableAgent {
  readonly #connectTimeoutMs: number;
  #shut = false;

  constructor(pool: PoolSettings, tls: TlsSettings) {
    super({
      ...agentOptions(pool),
      secureContext: tls.secureContext,
      rejectUnauthorized: tls.rejectUnauthorized,
    });
    this.#connectTimeoutMs = pool.connectTimeoutMs;
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    if (this.#shut) return refuse(callback);
    const socket = super.createConnection(options, callback);
    if (socket) armConnectTimeout(socket, this.#connectTimeoutMs, true);
    return socket;
  }

  shut(): void {
    this.#shut = true;
    this.destroy();
  }

  // Node's https.Agent#getName concatenates every TLS option, a whole CA bundle included, into
  // the pool key of every request; one agent here has one set of TLS options.
  override getName(options: ClientRequestArgs = {}): string {
    return poolName(options);
  }
}

/**
 * After `shut()`: Node's agent opens a fresh socket for a queued request when another socket
 * closes (Agent#removeSocket), even for a request already destroyed; refusing here keeps a
 * closed transport from reconnecting.
 */
function refuse(callback: ((error: Error | null, stream: Duplex) => void) | undefined): undefined {
  callback?.(new TransportClosedError(), undefined as unknown as Duplex);
  return undefined;
}
