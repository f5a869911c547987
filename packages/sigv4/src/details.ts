import type { HttpRequest } from "@lanyard/http";
import { requireHeaders, signableHeaders } from "./canonical-headers.js";
import { parseAmzDate } from "./date.js";
import { invalid } from "./errors.js";
import { resolveOptions } from "./options.js";
import { payloadHash } from "./payload.js";
import { checkRequest } from "./request-check.js";
import { findHeader } from "./request-headers.js";
import { computeSignature, type SigningContext, signHeaders } from "./sign.js";
import type { SignatureDetails, SignatureDetailsOptions } from "./types.js";

/** Recomputes a received request's signature over exactly the headers it names. */
function verifyDetails(
  context: SigningContext,
  request: HttpRequest,
  options: SignatureDetailsOptions,
  names: readonly string[],
): SignatureDetails {
  const { signedHeaders: _, ...rest } = options;
  let date = options.date;
  if (date === undefined) {
    const amzDate = findHeader(request.headers, "x-amz-date");
    if (amzDate === undefined) {
      throw invalid("invalid-date", "Missing signing date", "options.date or an X-Amz-Date header");
    }
    date = parseAmzDate(amzDate);
  }
  const o = resolveOptions(rest, [], date);
  const declared = findHeader(request.headers, "x-amz-content-sha256");
  const payload = payloadHash(context.hash, request, declared, o.unsignedPayload === true);
  const headers = signableHeaders(request.headers, request.url.host, true);
  requireHeaders(headers, names);
  return computeSignature(context, { request, o, headers, names, payload });
}

/** `signatureDetails` on a given backend: the steps `sign` takes, or a verifier's recomputation. */
export function signatureDetailsOf(
  context: SigningContext,
  request: HttpRequest,
  options: SignatureDetailsOptions,
): SignatureDetails {
  checkRequest(request);
  const names = options?.signedHeaders;
  if (names !== undefined) return verifyDetails(context, request, options, names);
  return signHeaders(context, request, resolveOptions(options, ["signedHeaders"])).result;
}
