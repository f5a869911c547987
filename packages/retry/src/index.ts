export { legacyBackoff, standardBackoff } from "./backoff.js";
export { classify, type FailureInfo, type FailureKind } from "./classify.js";
export { ClockSkew } from "./clock-skew.js";
export { RetryError, type RetryErrorCode } from "./errors.js";
export { adaptiveStrategy, legacyStrategy, standardStrategy } from "./modes.js";
export { ClientRateLimiter, type ClientRateLimiterOptions } from "./rate-limiter.js";
export { type Attempt, type RetryOptions, type RetryOutcome, retry } from "./retry.js";
export type { Sleep } from "./sleep.js";
export {
  type AdaptiveStrategyOptions,
  createRetryStrategy,
  RETRY_MODES,
  type RetryMode,
  type RetryStrategy,
  type RetryStrategyOptions,
  type StrategyOptions,
} from "./strategy.js";
