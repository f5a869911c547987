import type { SecureContext } from "node:tls";
import { type ClosableAgent, createDirectAgent, type PoolSettings } from "./agents.js";
import type { RequestFunction } from "./exchange.js";
import { createProxyAgent } from "./proxy-agents.js";
import type { ProxyPlan } from "./proxy-env.js";
import { proxyLabel } from "./proxy-url.js";
import type { TlsSettings } from "./tls-context.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { request: httpRequest } = process.getBuiltinModule("node:http");

/** How requests to one origin are sent. */
export interface Route {
  request: RequestFunction;
  agent: ClosableAgent;
  protocol: "http:" | "https:";
  /** Without IPv6 brackets, as node:net wants it. */
  hostname: string;
  port: number;
  /** Per request for a tunnel's TLS (the proxy agents read it from the request options). */
  secureContext: SecureContext | undefined;
  rejectUnauthorized: boolean;
  /** The proxy carrying these requests, as messages may name it, or undefined when direct. */
  proxy: string | undefined;
}

export interface RouteSettings {
  pool: PoolSettings;
  tls: TlsSettings;
  proxy: ProxyPlan | undefined;
}

/** Beyond this many origins the cache starts over; routes are cheap to rebuild, agents are kept. */
const MAX_CACHED_ROUTES = 256;

/**
 * Finds the route for each origin once: direct through the transport's own keep-alive agents,
 * or through a proxy agent loaded on first use.
 */
export class RouteTable {
  readonly #settings: RouteSettings;
  readonly #routes = new Map<string, Route | Promise<Route>>();
  readonly #agents = new Map<string, ClosableAgent | Promise<ClosableAgent>>();

  constructor(settings: RouteSettings) {
    this.#settings = settings;
  }

  route(url: URL, origin: string): Route | Promise<Route> {
    const known = this.#routes.get(origin);
    if (known) return known;
    if (this.#routes.size >= MAX_CACHED_ROUTES) this.#routes.clear();
    const made = this.#makeRoute(url);
    this.#routes.set(origin, made);
    if (made instanceof Promise)
      made.then(
        (route) => this.#routes.set(origin, route),
        () => this.#routes.delete(origin),
      );
    return made;
  }

  /** Shuts every agent: sockets destroyed, no new connection opened. */
  shut(): void {
    for (const agent of this.#agents.values()) {
      if (agent instanceof Promise)
        agent.then(
          (ready) => ready.shut(),
          () => {},
        );
      else agent.shut();
    }
  }

  #makeRoute(url: URL): Route | Promise<Route> {
    const secure = url.protocol === "https:";
    const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
    const port = url.port ? Number(url.port) : secure ? 443 : 80;
    const proxy = this.#proxyFor(secure, url.hostname, port);
    const { tls } = this.#settings;
    const base = {
      request: secure ? process.getBuiltinModule("node:https").request : httpRequest,
      protocol: secure ? ("https:" as const) : ("http:" as const),
      hostname,
      port,
      secureContext: secure ? tls.secureContext : undefined,
      rejectUnauthorized: tls.rejectUnauthorized,
    };
    if (!proxy) return { ...base, agent: this.#directAgent(secure), proxy: undefined };
    return this.#proxyAgent(proxy, secure).then((agent) => ({ ...base, agent, proxy: proxyLabel(proxy) }));
  }

  #proxyFor(secure: boolean, hostname: string, port: number): URL | undefined {
    const plan = this.#settings.proxy;
    const proxy = secure ? plan?.https : plan?.http;
    if (!proxy || plan?.noProxy?.bypasses(hostname, port)) return undefined;
    return proxy;
  }

  #directAgent(secure: boolean): ClosableAgent {
    const key = secure ? "https:" : "http:";
    let agent = this.#agents.get(key) as ClosableAgent | undefined;
    if (!agent) {
      const { pool, tls } = this.#settings;
      agent = createDirectAgent(secure, pool, tls);
      this.#agents.set(key, agent);
    }
    return agent;
  }

  #proxyAgent(proxy: URL, secure: boolean): Promise<ClosableAgent> {
    const key = `${secure ? "https:" : "http:"} via ${proxy.href}`;
    let agent = this.#agents.get(key) as Promise<ClosableAgent> | ClosableAgent | undefined;
    if (!agent) {
      const loading = createProxyAgent(proxy, secure, this.#settings.pool);
      this.#agents.set(key, loading);
      loading.then(
        (ready) => this.#agents.set(key, ready),
        () => this.#agents.delete(key),
      );
      agent = loading;
    }
    return Promise.resolve(agent);
  }
}
