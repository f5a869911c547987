import { toTransportError } from "./classify.js";
import { AbortError, TimeoutError, type TransportError } from "./errors.js";

/**
 * One attempt's deadline combined with the caller's signal. `signal` fires on either;
 * `reason()` tells which, as the `TransportError` the transport should reject with.
 * Always call `dispose()` so the timer does not keep the process alive.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  reason(): TransportError;
  dispose(): void;
}

export function startDeadline(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  origin?: string,
): Deadline {
  const controller = new AbortController();
  let timeout: TimeoutError | undefined;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  const timer = setTimeout(() => {
    timeout = new TimeoutError("request", timeoutMs, { origin });
    controller.abort(timeout);
  }, timeoutMs);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    reason: () => timeout ?? new AbortError({ origin }),
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
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
  exchange: (signal: AbortSignal) => Promise<T>,
  mapError: (error: unknown) => TransportError = (error) => toTransportError(error, { origin }),
): Promise<T> {
  const deadline = startDeadline(timeoutMs, callerSignal, origin);
  try {
    if (deadline.signal.aborted) throw deadline.reason();
    return await new Promise<T>((resolve, reject) => {
      deadline.signal.addEventListener("abort", () => reject(deadline.reason()), { once: true });
      exchange(deadline.signal).then(resolve, reject);
    });
  } catch (error) {
    throw deadline.signal.aborted ? deadline.reason() : mapError(error);
  } finally {
    deadline.dispose();
  }
}
