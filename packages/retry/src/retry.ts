import { classify, type FailureInfo } from "./classify.js";
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

interface CallState {
  totalRetryDelayMs: number;
  /** Quota tokens the latest retry borrowed, returned on success. */
  borrowed: number | undefined;
}

/**
 * Runs `run` until it succeeds or the strategy gives up. Never throws for a failed operation:
 * the outcome carries the last error (or a `RetryError` "aborted" when the signal cut a wait short).
 */
export async function retry<T>(
  strategy: RetryStrategy,
  run: (attempt: Attempt) => Promise<T>,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  const clock = options.clock ?? new ClockSkew({ now: strategy.now });
  const state: CallState = { totalRetryDelayMs: 0, borrowed: undefined };
  for (let number = 1; ; number += 1) {
    try {
      await waitForSendToken(strategy, options.signal);
    } catch (error) {
      return { ok: false, error, attempts: number - 1, totalRetryDelayMs: state.totalRetryDelayMs };
    }
    const signingOffset = clock.offsetMs;
    try {
      const value = await run({ number, now: () => clock.now() });
      strategy.rateLimiter?.record(false);
      strategy.quota?.release(state.borrowed);
      return { ok: true, value, attempts: number, totalRetryDelayMs: state.totalRetryDelayMs };
    } catch (error) {
      const delay = nextDelay(strategy, options, clock, signingOffset, number, error, state);
      const failed = {
        ok: false as const,
        error,
        attempts: number,
        totalRetryDelayMs: state.totalRetryDelayMs,
      };
      if (delay === undefined) return failed;
      try {
        if (delay > 0) await abortableSleep(strategy.sleep, delay, options.signal);
      } catch (abort) {
        return { ...failed, error: abort };
      }
      state.totalRetryDelayMs += delay;
    }
  }
}

/** Milliseconds to wait before the next attempt, or undefined to give up. */
function nextDelay(
  strategy: RetryStrategy,
  options: RetryOptions,
  clock: ClockSkew,
  signingOffset: number,
  number: number,
  error: unknown,
  state: CallState,
): number | undefined {
  const info = safeDescribe(options.describe, error);
  const kind = classify(info, clock.localNow() + signingOffset);
  strategy.rateLimiter?.record(kind === "throttling");
  // Every response's Date header feeds the shared correction, as in the JS SDK, not only skew errors.
  if (info.serverDate !== undefined) clock.update(info.serverDate);
  if (options.signal?.aborted || number >= strategy.maxAttempts || kind === "none") return undefined;
  if (kind === "clock-skew") {
    // Re-signing with the corrected clock fixes the request; retry at once, but only if the
    // correction actually differs from the time this attempt was signed with.
    return clock.offsetMs !== signingOffset ? 0 : undefined;
  }
  if (strategy.quota !== undefined) {
    const cost = strategy.retryCost(kind, info);
    if (!strategy.quota.acquire(cost)) return undefined;
    state.borrowed = cost;
  }
  return strategy.backoffDelay(number);
}

function safeDescribe(describe: (error: unknown) => FailureInfo, error: unknown): FailureInfo {
  try {
    return describe(error);
  } catch {
    return {};
  }
}

async function waitForSendToken(strategy: RetryStrategy, signal: AbortSignal | undefined): Promise<void> {
  const limiter = strategy.rateLimiter;
  if (limiter === undefined) {
    if (signal?.aborted) await abortableSleep(strategy.sleep, 0, signal);
    return;
  }
  const wait = limiter.reserve();
  if (wait > 0 || signal?.aborted) await abortableSleep(strategy.sleep, wait, signal);
}
