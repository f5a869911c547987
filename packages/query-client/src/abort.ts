import { AbortError } from "@lanyard/http";
import { ClientError } from "./errors.js";

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError({ cause: signal.reason });
}

/**
 * Settles with `work`, or rejects with an AbortError as soon as the signal aborts: a slow
 * credential source (IMDS, a credential process) must not hold an aborted call.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  throwIfAborted(signal);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortError({ cause: signal.reason }));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener("abort", onAbort!));
}

/**
 * The call options' signal, checked to be one: a plain-JavaScript caller's `{ signal: "…" }` would
 * otherwise fail as a TypeError once the call is under way.
 */
export function callSignal(options: unknown): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) {
    throw new ClientError("config", "the call options must be an object such as { signal }");
  }
  const { signal } = options as { signal?: unknown };
  const isSignal =
    typeof signal === "object" &&
    signal !== null &&
    typeof (signal as AbortSignal).aborted === "boolean" &&
    typeof (signal as AbortSignal).addEventListener === "function";
  if (signal === undefined || isSignal) return signal as AbortSignal | undefined;
  throw new ClientError("config", "the signal call option must be an AbortSignal");
}
