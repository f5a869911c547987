import type { ClientHttp2Session } from "node:http2";
import { ConnectionResetError, TimeoutError, TransportClosedError } from "@lanyard/http";
import { answersPing } from "./liveness.js";
import type { ResolvedOptions } from "./options.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { connect } = process.getBuiltinModule("node:http2");

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
  signal: AbortSignal;
}

/**
 * Thrown when a request was certainly not processed: it was queued on a session that went away,
 * or its stream was above a GOAWAY's last-stream-id or refused (RFC 9113 §8.7), so the transport
 * may send it again on a fresh session.
 */
export class SessionGoneError extends Error {
  override name = "SessionGoneError";
}

/** A stream in flight that a GOAWAY may turn out to have never reached the server. */
export interface TrackedStream {
  refuseAbove(lastStreamId: number): void;
}

/**
 * One HTTP/2 session to one origin, multiplexing up to `maxConcurrentStreams` streams and
 * queueing the rest. After GOAWAY, an error or close, or once retired, it calls `onGone` so the
 * transport opens a fresh session for the next request; queued requests are handed back to retry.
 */
export class OriginSession {
  readonly session: ClientHttp2Session;
  readonly ready: Promise<void>;
  /** Streams in flight, so a GOAWAY can hand back the ones the server never processed. */
  readonly streams = new Set<TrackedStream>();
  #active = 0;
  #queue: Waiter[] = [];
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #gone = false;
  /** `performance.now()` when the peer last answered (a response, a PING ACK, the handshake). */
  #lastAlive = 0;
  /** The PING in flight, which every request arriving meanwhile waits for. */
  #checking: Promise<void> | undefined;
  readonly #options: ResolvedOptions;
  readonly #onGone: (session: OriginSession) => void;

  constructor(origin: string, options: ResolvedOptions, onGone: (session: OriginSession) => void) {
    this.#options = options;
    this.#onGone = onGone;
    this.session = connect(origin, {
      ...options.tls,
      ALPNProtocols: ["h2"],
      settings: { enablePush: false },
    });
    this.ready = this.#whenConnected(origin);
    this.ready.catch(() => {});
    // Never an unhandled 'error': failures reach requests through `ready` and their streams.
    this.session.on("error", () => this.#markGone());
    this.session.on("goaway", (_code: number, lastStreamId: number) => {
      this.#markGone();
      for (const stream of this.streams) stream.refuseAbove(lastStreamId);
    });
    this.session.on("close", () => this.#markGone());
    this.session.on("remoteSettings", () => this.#pump());
  }

  get gone(): boolean {
    return this.#gone || this.session.closed || this.session.destroyed;
  }

  /** Waits for a free stream slot; the caller must `release()` once its stream closes. */
  async acquire(signal: AbortSignal): Promise<void> {
    await this.ready;
    // Only a session with no stream open is checked: a busy one never pays for a PING.
    if (this.#active === 0 && performance.now() - this.#lastAlive >= this.#options.pingAfterIdleMs) {
      await this.#checkAlive();
    }
    if (this.#gone) throw new SessionGoneError();
    if (this.#queue.length === 0 && this.#active < this.#limit()) return this.#take();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      this.#queue.push(waiter);
      signal.addEventListener("abort", () => this.#dropWaiter(waiter), { once: true });
    });
  }

  release(): void {
    this.#active--;
    if (this.#gone) {
      if (this.#active === 0) this.#closeQuietly();
      return;
    }
    this.#pump();
    if (this.#active === 0) this.#startIdle();
  }

  /** Notes that the peer has just answered a request, so the session needs no PING for a while. */
  answered(): void {
    this.#lastAlive = performance.now();
  }

  /**
   * Takes no new stream, hands queued requests back to be sent on a new session, and closes once
   * its open streams have ended: after a request timed out or a PING went unanswered, the
   * connection may be black-holed, and every request sent on it would wait out its timeout too.
   */
  retire(): void {
    this.#markGone();
  }

  /** Frees the socket at once; open streams and queued requests fail with code `closed`. */
  destroy(): void {
    // Destroy first: close() on a session still connecting defers 'close' until the peer hangs up.
    this.session.destroy();
    this.#markGone(new TransportClosedError());
  }

  #checkAlive(): Promise<void> {
    this.#checking ??= answersPing(this.session, this.#options.pingTimeoutMs).then((alive) => {
      this.#checking = undefined;
      if (alive) this.answered();
      else this.retire();
    });
    return this.#checking;
  }

  #limit(): number {
    const remote = this.session.remoteSettings.maxConcurrentStreams ?? Number.POSITIVE_INFINITY;
    return Math.min(this.#options.maxConcurrentStreams, remote);
  }

  #take(): void {
    this.#active++;
    if (this.#idleTimer !== undefined) {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = undefined;
      this.session.ref();
    }
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#active < this.#limit() && !this.#gone) {
      const waiter = this.#queue.shift() as Waiter;
      if (waiter.signal.aborted) continue;
      this.#take();
      waiter.resolve();
    }
  }

  #dropWaiter(waiter: Waiter): void {
    const index = this.#queue.indexOf(waiter);
    if (index === -1) return;
    this.#queue.splice(index, 1);
    waiter.reject(waiter.signal.reason);
  }

  /** An idle session does not keep the process alive, and closes after `idleTimeoutMs`. */
  #startIdle(): void {
    this.session.unref();
    // Marked gone before closing, so no request picks the session while it shuts down.
    this.#idleTimer = setTimeout(() => this.#markGone(), this.#options.idleTimeoutMs);
    this.#idleTimer.unref?.();
  }

  #markGone(reason: Error = new SessionGoneError()): void {
    if (this.#gone) return;
    this.#gone = true;
    clearTimeout(this.#idleTimer);
    this.#onGone(this);
    if (this.#active === 0) this.#closeQuietly();
    for (const waiter of this.#queue.splice(0)) waiter.reject(reason);
  }

  /** Graceful close once no stream is open (after GOAWAY or idle), freeing the socket. */
  #closeQuietly(): void {
    if (!this.session.closed && !this.session.connecting) this.session.close();
  }

  #whenConnected(origin: string): Promise<void> {
    const { session } = this;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new TimeoutError("connect", this.#options.connectTimeoutMs, { origin }));
        session.destroy();
      }, this.#options.connectTimeoutMs);
      const settle = (error?: unknown) => {
        clearTimeout(timer);
        session.off("error", settle);
        session.off("close", settle);
        if (error === undefined && !session.destroyed) resolve();
        else reject(error ?? new ConnectionResetError({ origin }));
      };
      session.once("connect", () => {
        this.answered();
        settle();
      });
      session.once("error", settle);
      session.once("close", settle);
    });
  }
}
