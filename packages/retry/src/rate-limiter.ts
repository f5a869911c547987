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
  #measuredTxRate = 0;
  #requestCount = 0;
  #lastTxRateBucket: number;

  constructor({ now = Date.now }: ClientRateLimiterOptions = {}) {
    this.#now = now;
    this.#lastThrottleTime = this.#seconds();
    this.#lastTxRateBucket = Math.floor(this.#lastThrottleTime);
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
    const wait = (Math.max(0, 1 - this.#currentCapacity) / this.#fillRate) * 1000;
    this.#currentCapacity -= 1;
    return wait;
  }

  /** Feeds the outcome of one attempt (success or failure) back into the send rate. */
  record(throttled: boolean): void {
    const t = this.#seconds();
    this.#updateMeasuredRate(t);
    let rate: number;
    if (throttled) {
      this.#lastMaxRate = this.#enabled
        ? Math.min(this.#measuredTxRate, this.#fillRate)
        : this.#measuredTxRate;
      this.#lastThrottleTime = t;
      this.#enabled = true;
      rate = this.#lastMaxRate * CUBIC_BETA;
    } else {
      // W(t) = C (t - K)^3 + Wmax, where K = cbrt(Wmax (1 - beta) / C) is the time to regain Wmax.
      const k = Math.cbrt((this.#lastMaxRate * (1 - CUBIC_BETA)) / CUBIC_SCALE_CONSTANT);
      rate = CUBIC_SCALE_CONSTANT * (t - this.#lastThrottleTime - k) ** 3 + this.#lastMaxRate;
    }
    rate = Math.min(rate, 2 * this.#measuredTxRate);
    this.#refill();
    this.#fillRate = Math.max(rate, MIN_FILL_RATE);
    this.#maxCapacity = Math.max(rate, MIN_CAPACITY);
    this.#currentCapacity = Math.min(this.#currentCapacity, this.#maxCapacity);
  }

  #seconds(): number {
    return this.#now() / 1000;
  }

  #refill(): void {
    const t = this.#seconds();
    const elapsed = t - (this.#lastRefill ?? t);
    this.#currentCapacity = Math.min(this.#maxCapacity, this.#currentCapacity + elapsed * this.#fillRate);
    this.#lastRefill = t;
  }

  #updateMeasuredRate(t: number): void {
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
