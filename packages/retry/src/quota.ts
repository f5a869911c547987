import { INITIAL_RETRY_TOKENS, NO_RETRY_INCREMENT } from "./constants.js";

/**
 * The retry quota of standard and adaptive modes: a token bucket that every retry draws from and
 * every success refills, so that a client stops retrying during an outage instead of multiplying
 * the load (sdkref "Retry behavior"; botocore `retries/quota.py`). One per client; JavaScript runs
 * each acquire/release to completion, so concurrent calls cannot interleave within them.
 */
export class RetryQuota {
  readonly capacity: number;
  #available: number;

  constructor(capacity: number = INITIAL_RETRY_TOKENS) {
    this.capacity = capacity;
    this.#available = capacity;
  }

  get available(): number {
    return this.#available;
  }

  /** Takes `cost` tokens for a retry; returns false (taking nothing) when too few remain. */
  acquire(cost: number): boolean {
    if (cost > this.#available) return false;
    this.#available -= cost;
    return true;
  }

  /**
   * Records a success: a call that retried gives back what its last retry borrowed; one that
   * succeeded first time adds `NO_RETRY_INCREMENT`. Never above capacity.
   */
  release(borrowed: number | undefined): void {
    this.#available = Math.min(this.capacity, this.#available + (borrowed ?? NO_RETRY_INCREMENT));
  }
}
