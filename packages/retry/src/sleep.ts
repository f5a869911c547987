import { RetryError } from "./errors.js";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Sleeps on a timer, rejecting at once with a `RetryError` ("aborted") when `signal` aborts. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * Runs an injected `sleep` but settles as soon as `signal` aborts, even if that sleep ignores the
 * signal, so a pending backoff never outlives its call.
 */
export function abortableSleep(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return sleep(ms);
  if (signal.aborted) return Promise.reject(abortedError(signal));
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortedError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([sleep(ms, signal), aborted]).finally(() => {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  });
}

export function abortedError(signal: AbortSignal | undefined): RetryError {
  return new RetryError("aborted", "the call was aborted by its signal while waiting for its next attempt", {
    cause: signal?.reason,
  });
}
