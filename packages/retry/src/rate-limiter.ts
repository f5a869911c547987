import {
  CUBIC_BETA,
  CUBIC_SCALE_CONSTANT,
  MEASURED_RATE_BUCKET_SECONDS,
  MEASURED_RATE_SMOOTHING,
  MIN_CAPACITY,
  MIN_FILL_RATE,
} from "./constants.js";

export interface ClientRateLimiterOptions {
  /** Milliseconds since the epoch. */
  now?: () => number;
}

/**
 * The adaptive mode's client-side rate limiter: a token bucket whose fill rate follows CUBIC
 * congestion control on throttling responses. It stays disabled (no waiting) until the first
 * throttle. Follows the algorithm of the SDKs' adaptive mode (smithy-typescript `util-retry`
 * `DefaultRateLimiter.ts`, botocore `retries/adaptive.py` and `retries/throttling.py`); times
 * inside are in seconds, rates in requests per second.
 */
export class ClientRateLimiter {
  readonly #now: () => number;
  #enabled = false;
  #fillRate = MIN_FILL_RATE;
  #maxCapacity = MIN_CAPACITY;
  #currentCapacity = 0;
  #lastRefill: number | undefined;
  #lastMaxRate = 0;
  #lastThrottleTime: number;
  #timeWindow = 0;
  #measuredTxRate = 0;
  #requestCount = 0;
  #lastTxRateBucket: number;

  constructor(options: ClientRateLimiterOptions = {}) {
    this.#now = options.now ?? Date.now;
    const t = this.#seconds();
    this.#lastThrottleTime = t;
    this.#lastTxRateBucket = Math.floor(t);
  }

  /** Whether a throttle has switched the bucket on. */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** Current fill rate of the bucket, in requests per second. */
  get fillRate(): number {
    return this.#fillRate;
  }

  /** Smoothed measured send rate, in requests per second. */
  get measuredTxRate(): number {
    return this.#measuredTxRate;
  }

  /**
   * Takes one token and returns how many milliseconds the caller must wait before sending (0 when
   * a token is there). The token is taken now, so concurrent callers queue behind one another.
   */
  reserve(): number {
    if (!this.#enabled) return 0;
    this.#refill();
    const wait = this.#currentCapacity >= 1 ? 0 : ((1 - this.#currentCapacity) / this.#fillRate) * 1000;
    this.#currentCapacity -= 1;
    return wait;
  }

  /** Feeds the outcome of one attempt (success or failure) back into the send rate. */
  record(throttled: boolean): void {
    this.#updateMeasuredRate();
    let rate: number;
    if (throttled) {
      const rateToUse = this.#enabled ? Math.min(this.#measuredTxRate, this.#fillRate) : this.#measuredTxRate;
      this.#lastMaxRate = rateToUse;
      this.#calculateTimeWindow();
      this.#lastThrottleTime = this.#seconds();
      rate = rateToUse * CUBIC_BETA;
      this.#enabled = true;
    } else {
      this.#calculateTimeWindow();
      rate = this.#cubicSuccess(this.#seconds());
    }
    this.#updateBucketRate(Math.min(rate, 2 * this.#measuredTxRate));
  }

  #seconds(): number {
    return this.#now() / 1000;
  }

  #refill(): void {
    const t = this.#seconds();
    if (this.#lastRefill !== undefined) {
      const filled = this.#currentCapacity + (t - this.#lastRefill) * this.#fillRate;
      this.#currentCapacity = Math.min(this.#maxCapacity, filled);
    }
    this.#lastRefill = t;
  }

  // W(t) = C (t - K)^3 + Wmax, where K = cbrt(Wmax (1 - beta) / C) is the time to regain Wmax.
  #calculateTimeWindow(): void {
    this.#timeWindow = Math.cbrt((this.#lastMaxRate * (1 - CUBIC_BETA)) / CUBIC_SCALE_CONSTANT);
  }

  #cubicSuccess(t: number): number {
    return CUBIC_SCALE_CONSTANT * (t - this.#lastThrottleTime - this.#timeWindow) ** 3 + this.#lastMaxRate;
  }

  #updateBucketRate(newRate: number): void {
    this.#refill();
    this.#fillRate = Math.max(newRate, MIN_FILL_RATE);
    this.#maxCapacity = Math.max(newRate, MIN_CAPACITY);
    this.#currentCapacity = Math.min(this.#currentCapacity, this.#maxCapacity);
  }

  #updateMeasuredRate(): void {
    const t = this.#seconds();
    const bucket = Math.floor(t / MEASURED_RATE_BUCKET_SECONDS) * MEASURED_RATE_BUCKET_SECONDS;
    this.#requestCount += 1;
    if (bucket > this.#lastTxRateBucket) {
      const currentRate = this.#requestCount / (bucket - this.#lastTxRateBucket);
      this.#measuredTxRate =
        currentRate * MEASURED_RATE_SMOOTHING + this.#measuredTxRate * (1 - MEASURED_RATE_SMOOTHING);
      this.#requestCount = 0;
      this.#lastTxRateBucket = bucket;
    }
  }
}
