import { CLOCK_SKEW_THRESHOLD_MS } from "./constants.js";

/**
 * Whether `serverDate` is at least 5 minutes from `clockMs` (the JS SDK's `isClockSkewed`: the
 * window within which SigV4 accepts a request's date). An invalid Date's NaN compares false.
 */
export function isSkewed(serverDate: Date | undefined, clockMs: number): boolean {
  return serverDate !== undefined && Math.abs(serverDate.getTime() - clockMs) >= CLOCK_SKEW_THRESHOLD_MS;
}

/**
 * The offset between the server's clock and ours, learned from a response's `Date` header.
 * Share one per client: the correction persists for every later call, as the JS SDK's
 * `systemClockOffset` does.
 */
export class ClockSkew {
  /** Milliseconds to add to the local clock to get the server's time. */
  offsetMs: number;
  readonly #localNow: () => number;

  constructor({ offsetMs = 0, now = Date.now }: { offsetMs?: number; now?: () => number } = {}) {
    this.offsetMs = offsetMs;
    this.#localNow = now;
  }

  /** The local clock in ms since the epoch, uncorrected. */
  localNow(): number {
    return this.#localNow();
  }

  /** The skew-corrected time to sign a request with. */
  now(): Date {
    return new Date(this.#localNow() + this.offsetMs);
  }

  /**
   * Learns the offset from `serverDate` when the corrected clock is at least 5 minutes away from
   * it (the `Date` header has 1 s resolution, so smaller differences are noise, as in the JS SDK's
   * `getUpdatedSystemClockOffset`). Returns whether the offset changed.
   */
  update(serverDate: Date, localNow: number = this.#localNow()): boolean {
    if (!isSkewed(serverDate, localNow + this.offsetMs)) return false;
    this.offsetMs = serverDate.getTime() - localNow;
    return true;
  }
}
