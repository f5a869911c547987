import { checkCount, checkMilliseconds } from "./option-values.js";
import type { TransportTimeouts } from "./types.js";

/** A few seconds: long enough for a cross-continent TLS handshake, short enough to fail over. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Per attempt, counting time queued for a connection: no call may hang forever. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** STS answers are a few KB; 1 MiB leaves room for any awsQuery response and bounds memory. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type ResolvedTimeouts = Required<TransportTimeouts>;

/** A transport's limits with the defaults filled in; throws a `RangeError` naming a bad one. */
export function resolveTimeouts(options: TransportTimeouts = {}): ResolvedTimeouts {
  checkMilliseconds("connectTimeoutMs", options.connectTimeoutMs);
  checkMilliseconds("requestTimeoutMs", options.requestTimeoutMs);
  checkCount("maxBodyBytes", options.maxBodyBytes, true);
  return {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
}
