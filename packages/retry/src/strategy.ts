import { legacyBackoff, standardBackoff } from "./backoff.js";
import type { FailureInfo, FailureKind } from "./classify.js";
import { DEFAULT_MAX_ATTEMPTS, LEGACY_RETRY_LIMIT, RETRY_COST, TIMEOUT_RETRY_COST } from "./constants.js";
import { RetryError } from "./errors.js";
import { RetryQuota } from "./quota.js";
import { ClientRateLimiter } from "./rate-limiter.js";
import { type Sleep, timerSleep } from "./sleep.js";

export type RetryMode = "standard" | "adaptive" | "legacy";

export const RETRY_MODES: readonly RetryMode[] = ["standard", "adaptive", "legacy"];

export interface RetryStrategyOptions {
  /** Default `standard`. */
  mode?: RetryMode;
  /** Attempts including the first; default 3 (standard, adaptive) or 4 (legacy: 3 retries). */
  maxAttempts?: number;
  /** Delay in ms before retrying after failed attempt `attempt` (1-based); replaces the mode's backoff. */
  backoff?: (attempt: number) => number;
  /** Milliseconds since the epoch; default `Date.now`. */
  now?: () => number;
  /** Default: a timer that rejects when the signal aborts. */
  sleep?: Sleep;
  /** Uniform in [0, 1); default `Math.random`. */
  random?: () => number;
}

/**
 * A retry policy plus the state it shares across every call of one client: the retry quota
 * (standard, adaptive) and the client-side rate limiter (adaptive).
 */
export interface RetryStrategy {
  readonly mode: RetryMode;
  readonly maxAttempts: number;
  /** Undefined in legacy mode, which has no quota. */
  readonly quota: RetryQuota | undefined;
  /** Defined in adaptive mode only. */
  readonly rateLimiter: ClientRateLimiter | undefined;
  readonly now: () => number;
  readonly sleep: Sleep;
  /** Milliseconds to wait after failed attempt `attempt` (1-based). */
  backoffDelay(attempt: number): number;
  /** Quota tokens a retry after this failure costs. */
  retryCost(kind: FailureKind, info: FailureInfo): number;
}

export function createRetryStrategy(options: RetryStrategyOptions = {}): RetryStrategy {
  const mode = options.mode ?? "standard";
  if (!RETRY_MODES.includes(mode)) {
    throw new RetryError(
      "invalid-option",
      `retry mode "${String(mode)}" is not one of ${RETRY_MODES.join(", ")}`,
    );
  }
  const maxAttempts =
    options.maxAttempts ?? (mode === "legacy" ? LEGACY_RETRY_LIMIT + 1 : DEFAULT_MAX_ATTEMPTS);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RetryError(
      "invalid-option",
      `maxAttempts must be an integer of at least 1, got ${maxAttempts}`,
    );
  }
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const custom = options.backoff;
  return {
    mode,
    maxAttempts,
    quota: mode === "legacy" ? undefined : new RetryQuota(),
    rateLimiter: mode === "adaptive" ? new ClientRateLimiter({ now }) : undefined,
    now,
    sleep: options.sleep ?? timerSleep,
    backoffDelay(attempt) {
      const delay = custom
        ? custom(attempt)
        : mode === "legacy"
          ? legacyBackoff(attempt)
          : standardBackoff(attempt, random);
      return Number.isFinite(delay) && delay > 0 ? delay : 0;
    },
    retryCost(_kind, info) {
      return info.transportCode === "timeout" ? TIMEOUT_RETRY_COST : RETRY_COST;
    },
  };
}
