import type { HttpRequest } from "@lanyard/http";
import { signatureDetailsOf } from "./details.js";
import type { HashBackend } from "./hash/backend.js";
import { type PresignDetails, presignDetailsOf, presignOf } from "./presign.js";
import { signingContext, signRequest } from "./sign.js";
import type {
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "./types.js";

export type { PresignDetails };

/** The SigV4 operations bound to one hash backend, with their own signing-key cache. */
export interface SigV4 {
  sign(request: HttpRequest, options: SignOptions): HttpRequest;
  presign(request: HttpRequest, options: PresignOptions): URL;
  signatureDetails(request: HttpRequest, options: SignatureDetailsOptions): SignatureDetails;
  presignDetails(request: HttpRequest, options: PresignDetailsOptions): PresignDetails;
}

/**
 * Binds the SigV4 operations to a hash backend; each call gets its own signing-key cache. The
 * default entry points export plain functions instead, so a bundle keeps only the ones it calls.
 */
export function createSigV4(hash: HashBackend): SigV4 {
  const context = signingContext(hash);
  return {
    sign: (request, options) => signRequest(context, request, options),
    presign: (request, options) => presignOf(context, request, options),
    signatureDetails: (request, options) => signatureDetailsOf(context, request, options),
    presignDetails: (request, options) => presignDetailsOf(context, request, options),
  };
}
