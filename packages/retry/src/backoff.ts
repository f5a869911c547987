import { DEFAULT_RETRY_DELAY_BASE, LEGACY_RETRY_BASE_DELAY, MAXIMUM_RETRY_DELAY } from "./constants.js";

/**
 * Standard/adaptive backoff: "full jitter", `min(random * 100 ms * 2 ** retryIndex, 20 s)` where
 * `retryIndex` is 0 before the first retry (sdkref "Retry behavior"; smithy-typescript
 * `defaultRetryBackoffStrategy.ts`). `failedAttempt` is the 1-based number of the attempt that
 * just failed.
 */
export function standardBackoff(failedAttempt: number, random: () => number): number {
  // 100 ms * 2^8 already passes the cap; bounding the exponent keeps 0 * Infinity (NaN) away.
  const exponential = DEFAULT_RETRY_DELAY_BASE * 2 ** Math.min(Math.max(failedAttempt - 1, 0), 16);
  return Math.floor(Math.min(MAXIMUM_RETRY_DELAY, random() * exponential));
}

/**
 * Legacy backoff of the Ruby SDK's `DEFAULT_BACKOFF`: `2 ** retries * retry_base_delay` with the
 * default `retry_jitter` of `:none` and no `retry_max_delay`.
 */
export function legacyBackoff(failedAttempt: number): number {
  return LEGACY_RETRY_BASE_DELAY * 2 ** (failedAttempt - 1);
}
