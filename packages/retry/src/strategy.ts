import type { FailureInfo, FailureKind } from "./classify.js";
import { invalidOption } from "./errors.js";
import { adaptiveStrategy, legacyStrategy, standardStrategy } from "./modes.js";
import type { RetryQuota } from "./quota.js";
import type { ClientRateLimiter } from "./rate-limiter.js";
import type { Sleep } from "./sleep.js";

export type RetryMode = "standard" | "adaptive" | "legacy";

export const RETRY_MODES: readonly RetryMode[] = ["standard", "adaptive", "legacy"];

/** The options every mode takes. */
export interface StrategyOptions {
  /** Attempts including the first; default 3 (standard, adaptive) or 4 (legacy: 3 retries). */
  maxAttempts?: number;
  /** Delay in ms before retrying after failed attempt `attempt` (1-based); replaces the mode's backoff. */
  backoff?: (attempt: number) => number;
  /** Milliseconds since the epoch; default `Date.now`. */
  now?: () => number;
  /** Default: a timer that rejects when the signal aborts. */
  sleep?: Sleep;
  /** Uniform in [0, 1), the standard backoff's jitter; default `Math.random`. */
  random?: () => number;
}

export interface AdaptiveStrategyOptions extends StrategyOptions {
  /** The client-side rate limiter (share one between strategies); default a new one. */
  rateLimiter?: ClientRateLimiter;
}

export interface RetryStrategyOptions extends AdaptiveStrategyOptions {
  /** Default `standard`. */
  mode?: RetryMode;
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

/**
 * A strategy for the mode named at run time (a setting, `AWS_RETRY_MODE`); adaptive mode gets a
 * new `ClientRateLimiter` unless one is given. This bundles every mode: code that knows its mode
 * calls `standardStrategy`, `adaptiveStrategy` or `legacyStrategy`, which bundle only their own.
 */
export function createRetryStrategy(options: RetryStrategyOptions = {}): RetryStrategy {
  const { mode = "standard" } = options;
  if (!RETRY_MODES.includes(mode)) throw invalidOption("mode", `one of ${RETRY_MODES.join(", ")}`, mode);
  const create =
    mode === "adaptive" ? adaptiveStrategy : mode === "legacy" ? legacyStrategy : standardStrategy;
  return create(options);
}
