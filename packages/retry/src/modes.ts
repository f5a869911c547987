import { legacyBackoff, standardBackoff } from "./backoff.js";
import { DEFAULT_MAX_ATTEMPTS, LEGACY_RETRY_LIMIT, RETRY_COST, TIMEOUT_RETRY_COST } from "./constants.js";
import { invalidOption } from "./errors.js";
import { RetryQuota } from "./quota.js";
import { ClientRateLimiter } from "./rate-limiter.js";
import { timerSleep } from "./sleep.js";
import type { AdaptiveStrategyOptions, RetryMode, RetryStrategy, StrategyOptions } from "./strategy.js";

// One factory per mode, none calling another, so that a bundle holds the modes it names and
// no more (the adaptive rate limiter is the largest part of this package).

/** Standard mode: 3 attempts, jittered exponential backoff, the retry quota. */
export function standardStrategy(options: StrategyOptions = {}): RetryStrategy {
  return modeStrategy("standard", options, DEFAULT_MAX_ATTEMPTS, jitteredBackoff(options), new RetryQuota());
}

/** Adaptive mode: standard mode plus a client-side rate limiter that slows down on throttling. */
export function adaptiveStrategy(options: AdaptiveStrategyOptions = {}): RetryStrategy {
  const rateLimiter = options.rateLimiter ?? new ClientRateLimiter({ now: options.now });
  const backoff = jitteredBackoff(options);
  return modeStrategy("adaptive", options, DEFAULT_MAX_ATTEMPTS, backoff, new RetryQuota(), rateLimiter);
}

/** Legacy mode: 4 attempts (3 retries), 300 ms doubling without jitter, no quota. */
export function legacyStrategy(options: StrategyOptions = {}): RetryStrategy {
  return modeStrategy("legacy", options, LEGACY_RETRY_LIMIT + 1, legacyBackoff);
}

function jitteredBackoff({ random = Math.random }: StrategyOptions): (attempt: number) => number {
  return (attempt) => standardBackoff(attempt, random);
}

function modeStrategy(
  mode: RetryMode,
  options: StrategyOptions,
  defaultMaxAttempts: number,
  defaultBackoff: (attempt: number) => number,
  quota?: RetryQuota,
  rateLimiter?: ClientRateLimiter,
): RetryStrategy {
  const { maxAttempts = defaultMaxAttempts, backoff = defaultBackoff } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw invalidOption("maxAttempts", "an integer of at least 1", maxAttempts);
  }
  return {
    mode,
    maxAttempts,
    quota,
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
