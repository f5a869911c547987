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
  /** Adaptive mode's client-side rate limiter (share one between strategies); default a new one. */
  rateLimiter?: ClientRateLimiter;
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

/** A strategy for any mode; adaptive mode gets a new `ClientRateLimiter` unless one is given. */
export function createRetryStrategy(options: RetryStrategyOptions = {}): RetryStrategy {
  const { mode, now = Date.now } = options;
  const rateLimiter =
    options.rateLimiter ?? (mode === "adaptive" ? new ClientRateLimiter({ now }) : undefined);
  return createBasicRetryStrategy({ ...options, now, rateLimiter });
}

/**
 * `createRetryStrategy` without the adaptive rate limiter's code, for bundles that only need
 * standard and legacy mode: adaptive mode works only when `options.rateLimiter` is given.
 */
export function createBasicRetryStrategy(options: RetryStrategyOptions = {}): RetryStrategy {
  const { mode = "standard", random = Math.random } = options;
  if (!RETRY_MODES.includes(mode)) throw invalidOption("mode", `one of ${RETRY_MODES.join(", ")}`, mode);
  const legacy = mode === "legacy";
  const maxAttempts = options.maxAttempts ?? (legacy ? LEGACY_RETRY_LIMIT + 1 : DEFAULT_MAX_ATTEMPTS);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw invalidOption("maxAttempts", "an integer of at least 1", maxAttempts);
  }
  const rateLimiter = mode === "adaptive" ? options.rateLimiter : undefined;
  if (mode === "adaptive" && !rateLimiter)
    throw invalidOption("rateLimiter", "set in adaptive mode", rateLimiter);
  const backoff =
    options.backoff ?? (legacy ? legacyBackoff : (attempt: number) => standardBackoff(attempt, random));
  return {
    mode,
    maxAttempts,
    quota: legacy ? undefined : new RetryQuota(),
    rateLimiter,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? timerSleep,
    backoffDelay(attempt) {
      const delay = backoff(attempt);
      return Number.isFinite(delay) && delay > 0 ? delay : 0;
    },
    retryCost: (_kind, info) => (info.transportCode === "timeout" ? TIMEOUT_RETRY_COST : RETRY_COST),
  };
}

function invalidOption(name: string, expected: string, got: unknown): RetryError {
  return new RetryError("invalid-option", `${name} must be ${expected}, got ${String(got)}`);
}
