export {
  announcedBodyLength,
  type BodyCollector,
  type BodyLimits,
  bodyBytes,
  bodyCollector,
  concatBytes,
  hasBody,
  parseContentLength,
  readBody,
} from "./body.js";
export { findCause } from "./cause-chain.js";
export { classBrand, isInstanceAcrossCopies } from "./class-brand.js";
export { toTransportError } from "./classify.js";
export { type Deadline, runWithDeadline, startDeadline } from "./deadline.js";
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ResolvedTimeouts,
  resolveTimeouts,
} from "./defaults.js";
export { asyncDispose } from "./dispose.js";
export { hasDecodableCredentials, percentEncode } from "./encode.js";
export {
  AbortError,
  BodyTooLargeError,
  ConnectionRefusedError,
  ConnectionResetError,
  DnsError,
  isTransportError,
  TimeoutError,
  type TimeoutPhase,
  TlsError,
  TransportClosedError,
  TransportError,
  type TransportErrorClass,
  type TransportErrorCode,
  type TransportErrorOptions,
  TruncatedBodyError,
} from "./errors.js";
export { lowerCaseHeaders, lowerCaseRawHeaders, originOf } from "./headers.js";
export { checkCount, checkMilliseconds, checkOptions, MAX_TIMER_MS } from "./option-values.js";
export { checkTlsCa, PEM_CERTIFICATE, type TransportTlsOptions } from "./tls-options.js";
export type { HttpRequest, HttpResponse, SendOptions, Transport, TransportTimeouts } from "./types.js";
