import type { HttpRequest } from "@lanyard/http";
import { context, signAsync as platformSignAsync } from "#platform";
import { signatureDetailsOf } from "./details.js";
import { type PresignDetails, presignDetailsOf, presignOf } from "./presign.js";
import { signRequest } from "./sign.js";
import type {
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "./types.js";

// The operations bound to the platform's hash backend and signing-key cache (the `#platform`
// import: node:crypto on Node, @noble/hashes elsewhere). Plain functions, so a bundle keeps only
// the ones it calls.

/**
 * Signs a request with SigV4 headers (`authorization`, `x-amz-date`, `x-amz-security-token`).
 * Synchronous; returns a new request and leaves the given one untouched.
 */
export function sign(request: HttpRequest, options: SignOptions): HttpRequest {
  return signRequest(context, request, options);
}

/**
 * `sign` for code shared with browsers and workers: WebCrypto there (no JavaScript SHA-256 in the
 * bundle), node:crypto synchronously on Node. Rejects with a `SigV4Error`
 * (`webcrypto-unavailable`) where `crypto.subtle` is missing.
 */
export function signAsync(request: HttpRequest, options: SignOptions): Promise<HttpRequest> {
  return platformSignAsync(request, options);
}

/** A presigned URL carrying the SigV4 `X-Amz-*` query parameters. */
export function presign(request: HttpRequest, options: PresignOptions): URL {
  return presignOf(context, request, options);
}

/** The canonical request, string to sign and signature, for debugging or verifying a received request. */
export function signatureDetails(request: HttpRequest, options: SignatureDetailsOptions): SignatureDetails {
  return signatureDetailsOf(context, request, options);
}

/** A presigned URL together with its canonical request, string to sign and signature. */
export function presignDetails(request: HttpRequest, options: PresignDetailsOptions): PresignDetails {
  return presignDetailsOf(context, request, options);
}
