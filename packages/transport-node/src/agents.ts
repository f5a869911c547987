import type { Agent, AgentOptions, ClientRequest, ClientRequestArgs } from "node:http";
import type { AgentOptions as HttpsAgentOptions } from "node:https";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { TransportClosedError } from "@lanyard/http";
import { armConnectTimeout } from "./connect-timeout.js";
import { keepIdleSocket, reuseIdleSocket } from "./idle-timeout.js";
import type { TlsSettings } from "./tls-context.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { Agent: HttpAgent } = process.getBuiltinModule("node:http");

export interface PoolSettings {
  maxSockets: number;
  keepAliveTimeoutMs: number;
  connectTimeoutMs: number;
}

/** An agent the transport can shut for good. */
export interface ClosableAgent extends Agent {
  /** Destroys every socket and refuses to open new ones. */
  shut(): void;
}

/**
 * Node's keep-alive pool options for the proxy agents. Node itself unrefs a socket when it goes
 * idle in the pool and refs it again when a request takes it (`Agent#keepSocketAlive` /
 * `reuseSocket`), so an idle connection never keeps the process alive; `timeout` closes it after
 * `keepAliveTimeoutMs` idle.
 */
export function agentOptions(pool: PoolSettings): AgentOptions {
  return { ...directAgentOptions(pool), timeout: pool.keepAliveTimeoutMs };
}

/** The direct agents time idle connections out themselves (idle-timeout.ts). */
function directAgentOptions(pool: PoolSettings): AgentOptions {
  return {
    keepAlive: true,
    maxSockets: pool.maxSockets,
    // Most recently used first: the busy core stays warm and surplus sockets idle out.
    scheduling: "lifo",
    noDelay: true,
  };
}

/** The transport's own agent for direct connections to `http:` or `https:` targets. */
export function createDirectAgent(secure: boolean, pool: PoolSettings, tls: TlsSettings): ClosableAgent {
  if (!secure) return new DirectHttpAgent(pool, directAgentOptions(pool));
  const options = {
    ...directAgentOptions(pool),
    secureContext: tls.secureContext,
    rejectUnauthorized: tls.rejectUnauthorized,
  };
  DirectHttpsAgent ??= directAgent(process.getBuiltinModule("node:https").Agent, true);
  return new DirectHttpsAgent(pool, options);
}

type AgentClass = new (options: HttpsAgentOptions) => Agent;

/**
 * node:http's or node:https's pool, with a connect timeout on each new connection (covering the
 * TLS handshake for https), an idle timeout on each connection waiting in the pool, and a
 * `shut()` after which it opens nothing more.
 */
function directAgent(Base: AgentClass, secure: boolean) {
  return class DirectAgent extends Base implements ClosableAgent {
    readonly #connectTimeoutMs: number;
    readonly #idleMs: number;
    #shut = false;

    constructor(pool: PoolSettings, options: HttpsAgentOptions) {
      super(options);
      this.#connectTimeoutMs = pool.connectTimeoutMs;
      this.#idleMs = pool.keepAliveTimeoutMs;
    }

    override createConnection(
      options: ClientRequestArgs,
      callback?: (error: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      // Node's agent opens a fresh socket for a queued request when another one closes
      // (Agent#removeSocket), even after destroy(); refusing here keeps a closed transport closed.
      if (this.#shut) {
        callback?.(new TransportClosedError(), undefined as unknown as Duplex);
        return undefined;
      }
      const socket = super.createConnection(options, callback);
      if (socket) armConnectTimeout(socket, this.#connectTimeoutMs, secure);
      return socket;
    }

    override keepSocketAlive(socket: Duplex): boolean {
      return keepIdleSocket(socket as Socket, this.#idleMs);
    }

    override reuseSocket(socket: Duplex, request: ClientRequest): void {
      super.reuseSocket(socket, request);
      reuseIdleSocket(socket as Socket);
    }

    // Node's https.Agent#getName concatenates every TLS option, a whole CA bundle included, into
    // the pool key of every request; one agent here has one set of TLS options.
    override getName(options: ClientRequestArgs = {}): string {
      return `${options.host ?? options.hostname}:${options.port}`;
    }

    shut(): void {
      this.#shut = true;
      this.destroy();
    }
  };
}

const DirectHttpAgent = directAgent(HttpAgent, false);
// node:https (with node:tls and the crypto it brings) loads on the first https target: a process
// that only talks plain HTTP (instance metadata, a loopback emulator) never pays for it.
let DirectHttpsAgent: ReturnType<typeof directAgent> | undefined;
