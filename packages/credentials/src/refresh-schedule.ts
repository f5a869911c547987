import { CredentialsError } from "./errors.js";
import type { AwsCredentials } from "./types.js";

/** The two windows before expiry, as configured (before scaling to a short lifetime). */
export interface RefreshWindows {
  advisoryMs: number;
  mandatoryMs: number;
}

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1]; Math.random by default. */
  random: () => number;
}

/** Credentials held by the cache, with the instants at which they become due. */
export interface Held {
  credentials: AwsCredentials;
  /** From here on a background refresh starts (the advisory window). */
  refreshAt: number;
  /** From here on callers wait for a refresh (the mandatory window). */
  waitAt: number;
  /** Infinity for long-term keys. */
  expiresAt: number;
}

// Credentials that live shorter than the windows (STS sessions can be 15 minutes, container
// credentials a few) would be inside them from the moment they arrive, so every resolve would
// refetch. The windows therefore shrink to a share of the lifetime the credentials had when
// fetched: a background refresh no earlier than half-way, waiting no earlier than three
// quarters of the way. Unlike a fixed minimum interval between refreshes, this keeps the order
// "refresh in the background, then wait, then expire" for any lifetime, and needs no new knob.
const ADVISORY_SHARE_OF_LIFETIME = 1 / 2;
const MANDATORY_SHARE_OF_LIFETIME = 1 / 4;

/**
 * When `credentials`, fetched at `fetchedAt`, become due. Credentials that arrive already
 * expired are refused, as botocore refuses credentials that are still expired after a refresh:
 * handing them out would fail every call, and treating them as a failure brings in the backoff.
 */
export function hold(credentials: AwsCredentials, fetchedAt: number, windows: RefreshWindows): Held {
  const expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
  const lifetime = expiresAt - fetchedAt;
  if (lifetime <= 0) {
    throw new CredentialsError(
      "expired",
      `cached: the provider returned credentials that had already expired (at ${credentials.expiration?.toISOString()}); ` +
        "check the system clock",
    );
  }
  const advisory = Math.min(windows.advisoryMs, lifetime * ADVISORY_SHARE_OF_LIFETIME);
  const mandatory = Math.min(windows.mandatoryMs, advisory, lifetime * MANDATORY_SHARE_OF_LIFETIME);
  return { credentials, refreshAt: expiresAt - advisory, waitAt: expiresAt - mandatory, expiresAt };
}

/**
 * The pause after the `failures`-th consecutive failed refresh: exponential from `baseMs`,
 * capped at `maxMs`, jittered down to as little as half so that many processes that failed
 * together (one instance's IMDS, one account's STS) do not retry together.
 */
export function backoffMs(failures: number, settings: BackoffSettings): number {
  const full = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, failures - 1));
  return full * (0.5 + 0.5 * settings.random());
}
