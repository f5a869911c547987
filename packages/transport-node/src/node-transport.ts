import {
  asyncDispose,
  checkCount,
  checkMilliseconds,
  checkOptions,
  type Deadline,
  type HttpRequest,
  type HttpResponse,
  type ResolvedTimeouts,
  resolveTimeouts,
  runWithDeadline,
  type SendOptions,
  TimeoutError,
  type Transport,
  TransportClosedError,
  type TransportError,
  toTransportError,
} from "@lanyard/http";
import { connectTimeoutIn } from "./connect-timeout.js";
import { exchange } from "./exchange.js";
import { InFlight } from "./in-flight.js";
import {
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_SOCKETS,
  type NodeHttpTransportOptions,
} from "./options.js";
import { proxyPlan } from "./proxy-env.js";
import { proxyRefusal, proxyRefusalIn } from "./proxy-refusal.js";
import { RouteTable } from "./route-table.js";
import { tlsSettings } from "./tls-context.js";

/**
 * An HTTP/1.1 transport on node:http and node:https with a keep-alive pool per transport. Built
 * into Node, so it costs a few milliseconds to load and send a first request, and an idle pooled
 * connection never keeps the process alive: a CLI exits as soon as its last call returns.
 */
export class NodeHttpTransport implements Transport {
  readonly #timeouts: ResolvedTimeouts;
  readonly #routes: RouteTable;
  /** Every exchange in progress, queued ones included, as the function that fails it. */
  readonly #pending = new InFlight();
  #closed = false;

  constructor(options: NodeHttpTransportOptions = {}) {
    checkOptions("NodeHttpTransport", options);
    this.#timeouts = resolveTimeouts(options);
    checkCount("maxSockets", options.maxSockets, true);
    checkMilliseconds("keepAliveTimeoutMs", options.keepAliveTimeoutMs);
    this.#routes = new RouteTable({
      pool: {
        maxSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS,
        keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
        connectTimeoutMs: this.#timeouts.connectTimeoutMs,
      },
      tls: tlsSettings(options.tls),
      proxy: proxyPlan(options.proxy ?? "env"),
    });
  }

  send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const origin = request.url.origin;
    if (this.#closed) return Promise.reject(new TransportClosedError({ origin }));
    // The deadline runs from here, so time queued for a pooled socket counts against it.
    return runWithDeadline(
      this.#timeouts.requestTimeoutMs,
      options.signal,
      origin,
      (deadline) => this.#exchange(request, origin, deadline),
      (error) => this.#mapError(error, origin),
    );
  }

  /** Destroys every connection; requests in flight or queued fail, later sends fail, with code `closed`. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending.failAll(new TransportClosedError());
    this.#routes.shut();
  }

  /** `await using transport = new …Transport()` closes it when the scope ends. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  #exchange(request: HttpRequest, origin: string, deadline: Deadline): Promise<HttpResponse> {
    const context = {
      origin,
      deadline,
      maxBodyBytes: this.#timeouts.maxBodyBytes,
      pending: this.#pending,
    };
    const route = this.#routes.route(request.url, origin);
    if (!(route instanceof Promise)) return exchange(route, request, context);
    return route.then((ready) => {
      // The proxy agent loaded meanwhile; the caller may have given up or closed the transport.
      if (deadline.aborted) throw deadline.reason();
      if (this.#closed) throw new TransportClosedError({ origin });
      return exchange(ready, request, context);
    });
  }

  #mapError(error: unknown, origin: string): TransportError {
    if (this.#closed) return new TransportClosedError({ origin, cause: error });
    const connectTimeout = connectTimeoutIn(error);
    if (connectTimeout)
      return new TimeoutError("connect", connectTimeout.timeoutMs, { origin, cause: error });
    const refusal = proxyRefusalIn(error);
    if (refusal) return proxyRefusal(refusal, origin);
    return toTransportError(error, { origin });
  }
}
