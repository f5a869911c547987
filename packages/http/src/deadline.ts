import { toTransportError } from "./classify.js";
import { AbortError, TimeoutError, type TransportError } from "./errors.js";

/**
 * One attempt's deadline combined with the caller's signal: it fires on either, and
 * `reason()` tells which, as the `TransportError` the transport should reject with.
 * Always call `dispose()` so the timer does not keep the process alive.
 */
export interface Deadline {
  readonly aborted: boolean;
  /**
   * An `AbortSignal` that fires with the deadline, made on first read. A transport whose API
   * takes some other cancellation handle can use `onAbort` and never pay for one.
   */
  readonly signal: AbortSignal;
  /** Calls `listener` once when the deadline fires (at once if it already has). */
  onAbort(listener: () => void): void;
  reason(): TransportError;
  dispose(): void;
}

// Plain callbacks rather than an AbortController per attempt: on a bare pooled undici request
// a fresh AbortSignal per request cut throughput by about a quarter. A class rather than an object
// literal: a literal with a getter, made on every call, lived in V8's dictionary mode and its
// garbage was promoted out of the young generation; at 64 concurrent requests that cost the
// node:http transport about a tenth of its CPU per call in scavenges.
export function startDeadline(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  origin?: string,
): Deadline {
  return new AttemptDeadline(timeoutMs, callerSignal, origin);
}

class AttemptDeadline implements Deadline {
  aborted = false;
  #listeners: (() => void)[] = [];
  #timeout: TimeoutError | undefined;
  #controller: AbortController | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #origin: string | undefined;

  constructor(timeoutMs: number, callerSignal: AbortSignal | undefined, origin: string | undefined) {
    this.#callerSignal = callerSignal;
    this.#origin = origin;
    this.#timer = setTimeout(expire, timeoutMs, this, timeoutMs);
    // The instance is its own listener (`handleEvent`), so adding and removing it needs no closure.
    if (callerSignal?.aborted) this.#fire();
    else callerSignal?.addEventListener("abort", this, { once: true });
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const made = new AbortController();
      this.#controller = made;
      this.onAbort(() => made.abort(this.reason()));
    }
    return this.#controller.signal;
  }

  onAbort(listener: () => void): void {
    if (this.aborted) listener();
    else this.#listeners.push(listener);
  }

  reason(): TransportError {
    return this.#timeout ?? new AbortError({ origin: this.#origin });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener("abort", this);
  }

  /** The caller's signal fired. */
  handleEvent(): void {
    this.#fire();
  }

  timeOut(timeoutMs: number): void {
    this.#timeout = new TimeoutError("request", timeoutMs, { origin: this.#origin });
    this.#fire();
  }

  #fire(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

function expire(deadline: AttemptDeadline, timeoutMs: number): void {
  deadline.timeOut(timeoutMs);
}

/**
 * Runs one attempt under a deadline. The returned promise settles as soon as the deadline or
 * the caller's signal fires, even when `exchange` has not noticed yet: pooled transports queue
 * requests where an abort goes unseen until a connection frees up. Any other failure becomes a
 * `TransportError` through `mapError`.
 */
export async function runWithDeadline<T>(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  origin: string,
  exchange: (deadline: Deadline) => Promise<T>,
  mapError: (error: unknown) => TransportError = (error) => toTransportError(error, { origin }),
): Promise<T> {
  const deadline = startDeadline(timeoutMs, callerSignal, origin);
  try {
    if (deadline.aborted) throw deadline.reason();
    return await new Promise<T>((resolve, reject) => {
      deadline.onAbort(() => reject(deadline.reason()));
      exchange(deadline).then(resolve, reject);
    });
  } catch (error) {
    throw deadline.aborted ? deadline.reason() : mapError(error);
  } finally {
    deadline.dispose();
  }
}
