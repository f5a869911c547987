import { RetryError } from "./errors.js";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Sleeps on a timer, rejecting at once with a `RetryError` ("aborted") when `signal` aborts. */
export const timerSleep: Sleep = (ms, signal) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = () =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
  return abortableSleep(wait, ms, signal).finally(() => clearTimeout(timer));
};

/**
 * Runs an injected `sleep` but settles as soon as `signal` aborts, even if that sleep ignores the
 * signal, so a pending wait never outlives its call. Rejects at once if `signal` has already
 * aborted, and resolves without sleeping when `ms` is not positive.
 */
export function abortableSleep(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void =>
      reject(
        new RetryError("aborted", "aborted while waiting for the next attempt", { cause: signal?.reason }),
      );
    if (signal?.aborted) onAbort();
    else if (ms <= 0) resolve();
    else {
      signal?.addEventListener("abort", onAbort, { once: true });
      sleep(ms, signal)
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener("abort", onAbort));
    }
  });
}
