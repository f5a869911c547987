import type { HttpRequest } from "@lanyard/http";
import { signatureDetailsOf } from "./details.js";
import { nodeHash } from "./hash/node.js";
import { type PresignDetails, presignDetailsOf, presignOf } from "./presign.js";
import { signingContext, signRequest } from "./sign.js";
import type {
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "./types.js";

// Plain functions over one module-level context (the node:crypto backend and its signing-key
// cache), so a bundle that only signs leaves presigning and verifying out.
const context = /* @__PURE__ */ signingContext(nodeHash);

/**
 * Signs a request with SigV4 headers (`authorization`, `x-amz-date`, `x-amz-security-token`).
 * Synchronous; returns a new request and leaves the given one untouched.
 */
export function sign(request: HttpRequest, options: SignOptions): HttpRequest {
  return signRequest(context, request, options);
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

/**
 * `sign` behind a promise, for code shared with browsers and workers that awaits `signAsync`. On
 * Node it signs with node:crypto synchronously: several times faster than WebCrypto's async calls.
 */
export async function signAsync(request: HttpRequest, options: SignOptions): Promise<HttpRequest> {
  return signRequest(context, request, options);
}
