import { numberOption } from "./number-option.js";
import { redacting } from "./redact.js";
import { type BackoffSettings, backoffMs, type Held, hold, type RefreshWindows } from "./refresh-schedule.js";
import type { AwsCredentials, CredentialProvider, CredentialProviderContext } from "./types.js";

export interface CachedOptions {
  /**
   * The advisory window: within this long before `expiration`, the current credentials are
   * still returned at once while one refresh runs in the background (default 15 minutes).
   */
  refreshWindowMs?: number;
  /**
   * The mandatory window: within this long before `expiration`, callers wait for the refresh
   * (default 5 minutes). Never larger than the advisory window.
   */
  mandatoryWindowMs?: number;
  /** The pause after a first failed refresh, doubled after each further failure (default 1 s). */
  backoffBaseMs?: number;
  /** The longest pause between failed refreshes (default 60 s). */
  backoffMaxMs?: number;
  /** Clock in epoch milliseconds; injected by tests. */
  now?: () => number;
  /** Jitter source in [0, 1] (default `Math.random`); injected by tests. */
  random?: () => number;
}

// Defaults. Mandatory: 5 minutes, the JavaScript SDK v3's expiry window (the point where it
// makes callers wait) and the clock skew SigV4 tolerates, so credentials that look valid here
// are not already expired at a server whose clock is ahead. Advisory: 15 minutes, botocore's
// advisory timeout, which leaves 10 minutes of background retries (10 or more at the capped
// backoff) before anyone waits. botocore's 10-minute mandatory window would make callers wait
// earlier than skew requires. Lifetimes shorter than the windows scale them (refresh-schedule.ts).
export const DEFAULT_REFRESH_WINDOW_MS = 15 * 60 * 1000;
export const DEFAULT_MANDATORY_WINDOW_MS = 5 * 60 * 1000;
// Backoff: a second first, so a blip costs callers without valid credentials at most about a
// second of fast errors while a burst of callers costs one fetch, not one each; doubling to
// a one-minute cap bounds a long outage to about one fetch a minute per cache and still
// fits several attempts into the advisory window.
export const DEFAULT_BACKOFF_BASE_MS = 1000;
export const DEFAULT_BACKOFF_MAX_MS = 60 * 1000;

type Outcome = { credentials: AwsCredentials } | { error: unknown };

/** The state of one cache: what it holds, the refresh in flight, the failures behind it. */
class RefreshingCache {
  #held: Held | undefined;
  #inFlight: Promise<Outcome> | undefined;
  #failures = 0;
  #retryAt = Number.NEGATIVE_INFINITY;
  #lastError: unknown;

  constructor(
    private readonly provider: CredentialProvider,
    private readonly now: () => number,
    private readonly windows: RefreshWindows,
    private readonly backoff: BackoffSettings,
  ) {}

  async get(context?: CredentialProviderContext): Promise<AwsCredentials> {
    const held = this.#held;
    const t = this.now();
    if (held !== undefined && t < held.refreshAt) return held.credentials;
    if (this.#inFlight === undefined && t < this.#retryAt) return this.#stillValidOr(this.#lastError);
    const pending = this.#refresh(context);
    // Advisory window: serve what is held; the refresh goes on in the background.
    if (held !== undefined && t < held.waitAt) return held.credentials;
    const outcome = await pending;
    return "credentials" in outcome ? outcome.credentials : this.#stillValidOr(outcome.error);
  }

  /** The held credentials while they have not expired, else `error`, thrown. */
  #stillValidOr(error: unknown): AwsCredentials {
    const held = this.#held;
    if (held !== undefined && this.now() < held.expiresAt) return held.credentials;
    throw error;
  }

  /** Single flight: joins the refresh in flight or starts one. The promise never rejects. */
  #refresh(context: CredentialProviderContext | undefined): Promise<Outcome> {
    this.#inFlight ??= this.#fetch(context).finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #fetch(context: CredentialProviderContext | undefined): Promise<Outcome> {
    try {
      // A plain object from the provider is wrapped so its secret stays out of logs.
      const credentials = redacting(await this.provider(context), "cached");
      this.#held = hold(credentials, this.now(), this.windows);
      this.#failures = 0;
      return { credentials };
    } catch (error) {
      this.#failures++;
      this.#lastError = error;
      this.#retryAt = this.now() + backoffMs(this.#failures, this.backoff);
      return { error };
    }
  }
}

/**
 * Memoizes a provider with the SDKs' advisory and mandatory refresh windows (botocore's
 * `RefreshableCredentials`): outside the advisory window the cached credentials are returned;
 * inside it they are still returned at once while one background refresh runs; inside the
 * mandatory window, once expired, or before the first success, callers wait for that one
 * refresh, and get the old credentials if it fails before they expire. After a failure no
 * fetch starts until a backoff passes; meanwhile callers get the still-valid credentials or,
 * without any, the last error at once. Credentials without `expiration` are kept for good.
 */
export function cached(provider: CredentialProvider, options: CachedOptions = {}): CredentialProvider {
  const ms = (name: keyof CachedOptions, fallback: number): number =>
    numberOption(options[name], fallback, { source: "cached", name, min: 0 });
  const advisoryMs = ms("refreshWindowMs", DEFAULT_REFRESH_WINDOW_MS);
  const windows = {
    advisoryMs,
    mandatoryMs: Math.min(ms("mandatoryWindowMs", DEFAULT_MANDATORY_WINDOW_MS), advisoryMs),
  };
  const backoff = {
    baseMs: ms("backoffBaseMs", DEFAULT_BACKOFF_BASE_MS),
    maxMs: ms("backoffMaxMs", DEFAULT_BACKOFF_MAX_MS),
    random: options.random ?? Math.random,
  };
  const cache = new RefreshingCache(provider, options.now ?? Date.now, windows, backoff);
  return (context) => cache.get(context);
}
