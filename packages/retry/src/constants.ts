/**
 * Constants of the cross-SDK "standard" and "adaptive" retry modes.
 *
 * Sources: the AWS SDKs and Tools reference guide, "Retry behavior"
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html), and the
 * values shipped in smithy-typescript `packages/util-retry/src/constants.ts` and
 * `DefaultRateLimiter.ts` (also botocore `botocore/retries/standard.py`, `bucket.py`,
 * `throttling.py`).
 *
 * These are the long-standing standard-mode values. The SDKs' opt-in 2026 update
 * (`AWS_NEW_RETRIES_2026`: non-throttling retries cost 14, throttling 5, separate throttling
 * backoff base, `x-amz-retry-after`) is deliberately not followed yet.
 */

/** Default attempts (first try included) for standard and adaptive modes. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Base of the exponential backoff: `random() * DEFAULT_RETRY_DELAY_BASE * 2 ** retryIndex` ms. */
export const DEFAULT_RETRY_DELAY_BASE = 100;
/** Upper bound of one standard/adaptive backoff delay (MAX_BACKOFF, 20 s). */
export const MAXIMUM_RETRY_DELAY = 20_000;

/** Capacity of the retry quota, shared by every call of one client. */
export const INITIAL_RETRY_TOKENS = 500;
/** Quota cost of one retry. */
export const RETRY_COST = 5;
/** Quota cost of a retry after a timeout (botocore `_TIMEOUT_RETRY_REQUEST`). */
export const TIMEOUT_RETRY_COST = 10;
/** Tokens returned to the quota by a success that needed no retry. */
export const NO_RETRY_INCREMENT = 1;

/** CUBIC multiplicative decrease applied to the send rate on throttling. */
export const CUBIC_BETA = 0.7;
/** CUBIC scale constant `C` of the growth curve. */
export const CUBIC_SCALE_CONSTANT = 0.4;
/** Exponential smoothing of the measured send rate. */
export const MEASURED_RATE_SMOOTHING = 0.8;
/** Width of one send-rate measurement bucket, in seconds. */
export const MEASURED_RATE_BUCKET_SECONDS = 0.5;
/** Floor of the token bucket's fill rate, in tokens (requests) per second. */
export const MIN_FILL_RATE = 0.5;
/** Floor of the token bucket's capacity, in tokens. */
export const MIN_CAPACITY = 1;

/**
 * Legacy mode follows the Ruby SDK's classic plugin (`Aws::Plugins::RetryErrors`, options
 * `retry_limit` 3, `retry_base_delay` 0.3 s, `retry_max_delay` 0 = no cap, `retry_jitter` :none):
 * delay = 2 ** retries * 300 ms, and 3 retries means 4 attempts.
 */
export const LEGACY_RETRY_LIMIT = 3;
export const LEGACY_RETRY_BASE_DELAY = 300;

/**
 * A server clock at least this far from ours (after correction) counts as skew: the JS SDK's
 * `isClockSkewed` uses 5 minutes, the window within which SigV4 accepts a request's date.
 */
export const CLOCK_SKEW_THRESHOLD_MS = 300_000;
