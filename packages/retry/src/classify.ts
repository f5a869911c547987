import { isSkewed } from "./clock-skew.js";

/** How the caller describes one failed attempt; retry never inspects errors itself. */
export interface FailureInfo {
  /** Service error code, e.g. `Throttling`. */
  code?: string;
  httpStatus?: number;
  /** `@lanyard/http` TransportError code: `timeout`, `connection-reset`, ... */
  transportCode?: string;
  /** From the response's `Date` header, when there was a response. */
  serverDate?: Date;
  /** The service hook's verdict that this modeled error is retryable (STS: IDPCommunicationError). */
  modeledRetryable?: boolean;
  /** The service hook's verdict that this modeled error is a throttle. */
  modeledThrottling?: boolean;
}

export type FailureKind = "throttling" | "transient" | "clock-skew" | "modeled" | "none";

/** A set of codes from one space-separated list (shorter in the bundle than an array literal). */
const codes = (list: string): ReadonlySet<string> => new Set(list.split(" "));

/**
 * Throttling codes: smithy-typescript `service-error-classification` THROTTLING_ERROR_CODES and
 * botocore `retries/standard.py` / `data/_retry.json`.
 */
export const THROTTLING_ERROR_CODES: ReadonlySet<string> = /* @__PURE__ */ codes(
  "BandwidthLimitExceeded EC2ThrottledException LimitExceededException PriorRequestNotComplete " +
    "ProvisionedThroughputExceededException RequestLimitExceeded RequestThrottled " +
    "RequestThrottledException SlowDown ThrottledException Throttling ThrottlingException " +
    "TooManyRequestsException TransactionInProgressException",
);

/** 429 per the retry-behavior guide; 509 (bandwidth limit) per botocore `_retry.json` `limit_exceeded`. */
export const THROTTLING_STATUS_CODES: ReadonlySet<number> = /* @__PURE__ */ new Set([429, 509]);

/** Transient codes: smithy TRANSIENT_ERROR_CODES, botocore `TransientRetryableChecker`. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = /* @__PURE__ */ codes(
  "RequestTimeout RequestTimeoutException TimeoutError",
);

export const TRANSIENT_STATUS_CODES: ReadonlySet<number> = /* @__PURE__ */ new Set([500, 502, 503, 504]);

/**
 * `@lanyard/http` transport codes worth another attempt: the request may never have reached the
 * service or its answer was lost (botocore retries every `ConnectionError`). `aborted` is the
 * caller's wish, and `dns`, `tls`, `body-too-large` will fail the same way again.
 */
export const TRANSIENT_TRANSPORT_CODES: ReadonlySet<string> = /* @__PURE__ */ codes(
  "timeout connection-reset connection-refused truncated-body closed network",
);

/** Codes that always mean our clock is off (smithy CLOCK_SKEW_ERROR_CODES). */
export const CLOCK_SKEW_ERROR_CODES: ReadonlySet<string> = /* @__PURE__ */ codes(
  "RequestTimeTooSkewed RequestExpired RequestInTheFuture",
);

/** Signature failures that mean skew only when the server's Date is far from our clock. */
export const SIGNATURE_ERROR_CODES: ReadonlySet<string> = /* @__PURE__ */ codes(
  "InvalidSignatureException SignatureDoesNotMatch AuthFailure",
);

/**
 * Classifies one failure. `localNow` (ms since epoch, default `Date.now()`) is the clock the
 * request was signed with, compared with `serverDate` to tell a skewed clock from a bad signature.
 */
export function classify(info: FailureInfo, localNow: number = Date.now()): FailureKind {
  // Absent fields become values no set contains.
  const { code = "", httpStatus = 0, transportCode = "" } = info;
  if (
    CLOCK_SKEW_ERROR_CODES.has(code) ||
    (SIGNATURE_ERROR_CODES.has(code) && isSkewed(info.serverDate, localNow))
  ) {
    return "clock-skew";
  }
  if (info.modeledThrottling || THROTTLING_ERROR_CODES.has(code) || THROTTLING_STATUS_CODES.has(httpStatus)) {
    return "throttling";
  }
  if (
    TRANSIENT_TRANSPORT_CODES.has(transportCode) ||
    TRANSIENT_ERROR_CODES.has(code) ||
    TRANSIENT_STATUS_CODES.has(httpStatus)
  ) {
    return "transient";
  }
  return info.modeledRetryable ? "modeled" : "none";
}
