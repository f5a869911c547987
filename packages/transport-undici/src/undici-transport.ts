import {
  announcedBodyLength,
  asyncDispose,
  checkCount,
  checkMilliseconds,
  checkOptions,
  type Deadline,
  type HttpRequest,
  type HttpResponse,
  runWithDeadline,
  type SendOptions,
  TimeoutError,
  type Transport,
  TransportClosedError,
  type TransportError,
  toTransportError,
} from "@lanyard/http";
import type { Dispatcher } from "undici";
import { collectBody } from "./body.js";
import {
  createDispatcher,
  type ResolvedOptions,
  resolveTimeouts,
  type UndiciTransportOptions,
} from "./options.js";
import { request as undiciRequest } from "./undici-parts.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { EventEmitter } = process.getBuiltinModule("node:events");
const { setImmediate: nextTurn } = process.getBuiltinModule("node:timers/promises");

const UNDICI_TIMER_SLACK_MS = 1_000;

/**
 * An HTTP/1.1 transport on undici's `dispatcher.request()`, the lowest-overhead public API
 * undici offers (its `fetch` adds WHATWG stream and header objects on every call).
 */
export class UndiciTransport implements Transport {
  // A proxied dispatcher arrives once undici's index has loaded (see createDispatcher).
  #dispatcher: Dispatcher | Promise<Dispatcher>;
  readonly #options: ResolvedOptions;
  #closed = false;

  constructor(options: UndiciTransportOptions = {}) {
    checkOptions("UndiciTransport", options);
    this.#options = resolveTimeouts(options);
    checkCount("connections", options.connections, true);
    checkMilliseconds("keepAliveTimeoutMs", options.keepAliveTimeoutMs);
    this.#dispatcher = createDispatcher(options, this.#options);
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const origin = request.url.origin;
    if (this.#closed) throw new TransportClosedError({ origin });
    // undici only notices an aborted signal once a queued request reaches a connection, so
    // the deadline settles the call itself; the request is then dropped before it is written.
    return runWithDeadline(
      this.#options.requestTimeoutMs,
      options.signal,
      origin,
      (deadline) => this.#exchange(request, origin, deadline),
      (error) => this.#mapError(error, origin),
    );
  }

  async #exchange(outgoing: HttpRequest, origin: string, deadline: Deadline): Promise<HttpResponse> {
    const { requestTimeoutMs, maxBodyBytes } = this.#options;
    const dispatcher = await this.#dispatcherReady();
    // An emitter, unlike a signal, cannot say it has already fired.
    if (deadline.aborted) throw deadline.reason();
    // undici also takes an EventEmitter as its signal, which is far cheaper per request than an
    // AbortSignal (see @lanyard/http's deadline.ts).
    const signal = new EventEmitter();
    deadline.onAbort(() => signal.emit("abort"));
    const response = await undiciRequest.call(dispatcher, {
      origin,
      path: outgoing.url.pathname + outgoing.url.search,
      method: outgoing.method as Dispatcher.HttpMethod,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      signal,
      // The deadline bounds the whole attempt; undici's own timers only need to not fire first.
      // They tick in coarse ~500 ms steps (lib/util/timers.js), so a timer set to exactly the
      // deadline could fire early; the slack keeps ours authoritative.
      headersTimeout: requestTimeoutMs + UNDICI_TIMER_SLACK_MS,
      bodyTimeout: requestTimeoutMs + UNDICI_TIMER_SLACK_MS,
    });
    const contentLength = announcedBodyLength(
      outgoing.method,
      response.statusCode,
      response.headers["content-length"] as string | undefined,
    );
    const body = await collectBody(response.body, maxBodyBytes, contentLength, origin);
    // With pipelining 1 undici returns the socket to its pool one event-loop turn after
    // the response ends (client-h1.js onMessageComplete: setImmediate(resume)). Waiting
    // that turn lets a caller's next request reuse the warm connection instead of
    // opening (and TLS-handshaking) a second one.
    await nextTurn();
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
  }

  #dispatcherReady(): Dispatcher | Promise<Dispatcher> {
    const dispatcher = this.#dispatcher;
    if (!(dispatcher instanceof Promise)) return dispatcher;
    return dispatcher.then((ready) => {
      this.#dispatcher = ready;
      return ready;
    });
  }

  /** Destroys every pooled connection (in-flight requests fail with code `closed`). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await (await this.#dispatcherReady()).destroy();
  }

  /** `await using transport = new …Transport()` closes it when the scope ends. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  #mapError(error: unknown, origin: string): TransportError {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "UND_ERR_CONNECT_TIMEOUT") {
      return new TimeoutError("connect", this.#options.connectTimeoutMs, { origin, cause: error });
    }
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return new TimeoutError("request", this.#options.requestTimeoutMs, { origin, cause: error });
    }
    if (this.#closed && (code === "UND_ERR_DESTROYED" || code === "UND_ERR_CLOSED")) {
      return new TransportClosedError({ origin, cause: error });
    }
    return toTransportError(error, { origin });
  }
}

/** undici already lower-cases names; repeated headers arrive as arrays (RFC 9110 §5.3 joins them). */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = typeof value === "string" ? value : value.join(", ");
  }
  return out;
}
