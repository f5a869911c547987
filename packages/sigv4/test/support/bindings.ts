import type { HttpRequest } from "@lanyard/http";
import { signatureDetailsOf } from "../../src/details.js";
import type { HashBackend } from "../../src/hash/backend.js";
import { type PresignDetails, presignDetailsOf, presignOf } from "../../src/presign.js";
import { signingContext, signRequest } from "../../src/sign.js";
import type {
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "../../src/types.js";

/** The operations over one hash backend, so a test can run them on both (node:crypto, noble). */
export interface Bindings {
  sign(request: HttpRequest, options: SignOptions): HttpRequest;
  presign(request: HttpRequest, options: PresignOptions): URL;
  signatureDetails(request: HttpRequest, options: SignatureDetailsOptions): SignatureDetails;
  presignDetails(request: HttpRequest, options: PresignDetailsOptions): PresignDetails;
}

export function bindings(hash: HashBackend): Bindings {
  const context = signingContext(hash);
  return {
    sign: (request, options) => signRequest(context, request, options),
    presign: (request, options) => presignOf(context, request, options),
    signatureDetails: (request, options) => signatureDetailsOf(context, request, options),
    presignDetails: (request, options) => presignDetailsOf(context, request, options),
  };
}
