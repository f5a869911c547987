import type { AwsCredentials, CredentialProvider } from "./types.js";

export interface CachedOptions {
  /** Refresh this long before `expiration` (default 5 minutes, as the SDKs do). */
  refreshWindowMs?: number;
  /** Clock in epoch milliseconds; injected by tests. */
  now?: () => number;
}

export const DEFAULT_REFRESH_WINDOW_MS = 5 * 60 * 1000;

/**
 * Memoizes a provider. Credentials without `expiration` are kept for good; others
 * are refetched once `now` is within `refreshWindowMs` of expiry. Concurrent
 * callers share one in-flight fetch (single-flight). When a refresh fails while
 * the previous credentials have not yet expired, those are still returned, so a
 * brief outage of the source does not fail calls that could still be signed.
 */
export function cached(provider: CredentialProvider, options: CachedOptions = {}): CredentialProvider {
  const refreshWindowMs = options.refreshWindowMs ?? DEFAULT_REFRESH_WINDOW_MS;
  const now = options.now ?? Date.now;
  let current: AwsCredentials | undefined;
  let inFlight: Promise<AwsCredentials> | undefined;

  /** Milliseconds until `credentials` expire; Infinity for long-term keys. */
  const expiresIn = (credentials: AwsCredentials): number =>
    (credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY) - now();

  const refresh = async (): Promise<AwsCredentials> => {
    try {
      current = await provider();
      return current;
    } catch (error) {
      if (current && expiresIn(current) > 0) return current;
      throw error;
    }
  };

  return () => {
    if (current && expiresIn(current) > refreshWindowMs) return Promise.resolve(current);
    // Clearing in `finally` on the shared promise (not inside `refresh`) also covers
    // a provider that throws synchronously.
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
