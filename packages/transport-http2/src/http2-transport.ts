import {
  asyncDispose,
  checkOptions,
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
import { exchange } from "./exchange.js";
import { type Http2TransportOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { OriginSession, SessionGoneError } from "./origin-session.js";

/** Times a request the server never processed (queued on a lost session, refused) is sent. */
const MAX_SESSION_ATTEMPTS = 3;

/**
 * An HTTP/2 transport on node:http2: one multiplexed session per origin, TLS with ALPN `h2`
 * for `https:` URLs and h2c (prior knowledge) for `http:` URLs.
 */
export class Http2Transport implements Transport {
  readonly #options: ResolvedOptions;
  readonly #sessions = new Map<string, OriginSession>();
  readonly #forget = (session: OriginSession) => {
    for (const [origin, current] of this.#sessions) {
      if (current === session) this.#sessions.delete(origin);
    }
  };
  #closed = false;

  constructor(options: Http2TransportOptions = {}) {
    checkOptions("Http2Transport", options);
    this.#options = resolveOptions(options);
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const origin = request.url.origin;
    if (this.#closed) throw new TransportClosedError({ origin });
    // The deadline settles the call itself, so a session still connecting (bounded only by
    // connectTimeoutMs) cannot hold a caller past its requestTimeoutMs or signal.
    return runWithDeadline(
      this.#options.requestTimeoutMs,
      options.signal,
      origin,
      ({ signal }) => this.#exchange(request, origin, signal),
      (error) => this.#mapError(error, origin),
    );
  }

  /** Sends on the origin's session; a request the server certainly never processed is sent again. */
  async #exchange(request: HttpRequest, origin: string, signal: AbortSignal): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      const session = await this.#acquire(origin, signal);
      if (signal.aborted) {
        session.release();
        throw signal.reason;
      }
      try {
        const response = await exchange(session, request, {
          maxBodyBytes: this.#options.maxBodyBytes,
          origin,
          signal,
          onStreamClose: () => session.release(),
        });
        session.answered();
        return response;
      } catch (error) {
        // Nothing came back in time on a stream the session carried: the connection itself may be
        // dead (black-holed by a NAT or load balancer), so later requests must not follow it there.
        if (error instanceof TimeoutError) session.retire();
        if (!(error instanceof SessionGoneError) || attempt >= MAX_SESSION_ATTEMPTS) throw error;
      }
    }
  }

  /** Destroys every session; in-flight and queued requests fail with code `closed`. */
  async close(): Promise<void> {
    this.#closed = true;
    const sessions = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.all(sessions.map(destroyAndWait));
  }

  /** `await using transport = new …Transport()` closes it when the scope ends. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  async #acquire(origin: string, signal: AbortSignal): Promise<OriginSession> {
    for (let attempt = 1; ; attempt++) {
      if (this.#closed) throw new TransportClosedError({ origin });
      // A call that has already given up opens no new session.
      if (signal.aborted) throw signal.reason;
      let session = this.#sessions.get(origin);
      if (!session || session.gone) {
        session = new OriginSession(origin, this.#options, this.#forget);
        this.#sessions.set(origin, session);
      }
      try {
        await session.acquire(signal);
        return session;
      } catch (error) {
        if (!(error instanceof SessionGoneError) || attempt >= MAX_SESSION_ATTEMPTS) throw error;
      }
    }
  }

  #mapError(error: unknown, origin: string): TransportError {
    if (this.#closed) return new TransportClosedError({ origin, cause: error });
    if (error instanceof SessionGoneError)
      return toTransportError(Object.assign(error, { code: "ECONNRESET" }), { origin });
    return toTransportError(error, { origin });
  }
}

function destroyAndWait(session: OriginSession): Promise<void> {
  if (session.session.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    session.session.once("close", () => resolve());
    session.destroy();
  });
}
