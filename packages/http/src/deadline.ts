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
