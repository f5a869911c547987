export { legacyBackoff, standardBackoff } from "./backoff.js";
export {
  CLOCK_SKEW_ERROR_CODES,
  classify,
  type FailureInfo,
  type FailureKind,
  SIGNATURE_ERROR_CODES,
  THROTTLING_ERROR_CODES,
  THROTTLING_STATUS_CODES,
  TRANSIENT_ERROR_CODES,
  TRANSIENT_STATUS_CODES,
  TRANSIENT_TRANSPORT_CODES,
} from "./classify.js";
export { ClockSkew } from "./clock-skew.js";
export * from "./constants.js";
export { RetryError, type RetryErrorCode } from "./errors.js";
export { RetryQuota } from "./quota.js";
export { ClientRateLimiter, type ClientRateLimiterOptions } from "./rate-limiter.js";
export { type Attempt, type RetryOptions, type RetryOutcome, retry } from "./retry.js";
export { type Sleep, timerSleep } from "./sleep.js";
export {
  createBasicRetryStrategy,
  createRetryStrategy,
  RETRY_MODES,
  type RetryMode,
  type RetryStrategy,
  type RetryStrategyOptions,
} from "./strategy.js";
