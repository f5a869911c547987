import { classify, type FailureInfo, type FailureKind } from "./classify.js";
import { ClockSkew } from "./clock-skew.js";
import { abortableSleep } from "./sleep.js";
import type { RetryStrategy } from "./strategy.js";

/** One attempt of a call, handed to the operation. */
export interface Attempt {
  /** 1-based. */
  number: number;
  /** The skew-corrected clock to sign this attempt with. */
  now(): Date;
}

export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number; totalRetryDelayMs: number }
  | { ok: false; error: unknown; attempts: number; totalRetryDelayMs: number };

export interface RetryOptions {
  /** Describes a failure for classification; retry never inspects errors itself. */
  describe: (error: unknown) => FailureInfo;
  /** Aborts a pending backoff or rate-limiter wait at once; no attempt starts after it aborts. */
  signal?: AbortSignal;
  /** The client's shared clock correction; without one, a correction lasts for this call only. */
  clock?: ClockSkew;
}

/**
 * Runs `run` until it succeeds or the strategy gives up. Never throws for a failed operation:
 * the outcome carries the last error (or a `RetryError` "aborted" when the signal cut a wait short).
 */
export async function retry<T>(
  strategy: RetryStrategy,
  run: (attempt: Attempt) => Promise<T>,
  { describe, signal, clock = new ClockSkew({ now: strategy.now }) }: RetryOptions,
): Promise<RetryOutcome<T>> {
  const { quota, rateLimiter } = strategy;
  const pause = (ms: number) => abortableSleep(strategy.sleep, ms, signal);
  let totalRetryDelayMs = 0;
  let delay = 0;
  /** Quota tokens the latest retry borrowed, returned on success. */
  let borrowed: number | undefined;
  const failed = (error: unknown, attempts: number) => ({
    ok: false as const,
    error,
    attempts,
    totalRetryDelayMs,
  });

  /** Takes the quota a retry after this failure costs; false when the quota is too low. */
  const acquire = (kind: FailureKind, info: FailureInfo): boolean => {
    if (!quota) return true;
    borrowed = strategy.retryCost(kind, info);
    return quota.acquire(borrowed);
  };

  for (let number = 1; ; number += 1) {
    try {
      // The backoff after the previous failure, then adaptive mode's wait for a send token.
      await pause(delay);
      totalRetryDelayMs += delay;
      await pause(rateLimiter?.reserve() ?? 0);
    } catch (abort) {
      return failed(abort, number - 1);
    }
    const signingOffset = clock.offsetMs;
    try {
      const value = await run({ number, now: () => clock.now() });
      rateLimiter?.record(false);
      quota?.release(borrowed);
      return { ok: true, value, attempts: number, totalRetryDelayMs };
    } catch (error) {
      const info = describeSafely(describe, error);
      const kind = classify(info, clock.localNow() + signingOffset);
      rateLimiter?.record(kind === "throttling");
      // Every response's Date header feeds the shared correction, as in the JS SDK, not only skew errors.
      if (info.serverDate) clock.update(info.serverDate);
      // Re-signing with the corrected clock fixes a skew failure: retry at once, without backoff or
      // quota, but only if the correction differs from the offset this attempt was signed with.
      const skew = kind === "clock-skew";
      if (
        signal?.aborted ||
        number >= strategy.maxAttempts ||
        kind === "none" ||
        (skew ? clock.offsetMs === signingOffset : !acquire(kind, info))
      ) {
        return failed(error, number);
      }
      delay = skew ? 0 : strategy.backoffDelay(number);
    }
  }
}

/** A describe that throws leaves the failure unclassified, so it is not retried. */
function describeSafely(describe: RetryOptions["describe"], error: unknown): FailureInfo {
  try {
    return describe(error);
  } catch {
    return {};
  }
}
