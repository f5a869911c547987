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
// a fresh AbortSignal per request cut throughput by about a quarter.
export function startDeadline(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  origin?: string,
): Deadline {
  let timeout: TimeoutError | undefined;
  let listeners: (() => void)[] = [];
  let controller: AbortController | undefined;
  const fire = () => {
    if (deadline.aborted) return;
    deadline.aborted = true;
    for (const listener of listeners) listener();
    listeners = [];
  };
  const timer = setTimeout(() => {
    timeout = new TimeoutError("request", timeoutMs, { origin });
    fire();
  }, timeoutMs);
  const deadline = {
    aborted: false,
    get signal() {
      if (controller === undefined) {
        const made = new AbortController();
        controller = made;
        deadline.onAbort(() => made.abort(deadline.reason()));
      }
      return controller.signal;
    },
    onAbort(listener: () => void) {
      if (deadline.aborted) listener();
      else listeners.push(listener);
    },
    reason: () => timeout ?? new AbortError({ origin }),
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", fire);
    },
  };
  if (callerSignal?.aborted) fire();
  else callerSignal?.addEventListener("abort", fire, { once: true });
  return deadline;
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
