import type { HttpRequest } from "@lanyard/http";
import { canonicalHeaders, requireHeaders, signableHeaders } from "./canonical-headers.js";
import { resolveOptions } from "./options.js";
import { payloadHash } from "./payload.js";
import { authPairs, authSearch, presignParts, stripAuthQuery } from "./presign-query.js";
import { checkRequest } from "./request-check.js";
import { findHeader } from "./request-headers.js";
import { computeSignature, type SigningContext } from "./sign.js";
import type { PresignDetailsOptions, PresignOptions, SignatureDetails } from "./types.js";

/** A presigned URL with the intermediate steps that produced it. */
export interface PresignDetails extends SignatureDetails {
  url: URL;
}

/** `presignDetails` on a given backend; `extra` names the options the caller may pass. */
export function presignDetailsOf(
  context: SigningContext,
  request: HttpRequest,
  options: PresignDetailsOptions,
  extra: readonly string[] = ["expiresIn", "signedHeaders"],
): PresignDetails {
  checkRequest(request);
  const o = resolveOptions(options, extra);
  const names = options.signedHeaders;
  const parts = presignParts(o, options.expiresIn);
  const search = stripAuthQuery(request.url.search);
  const url = new URL(request.url);
  url.search = search;
  const declared = findHeader(request.headers, "x-amz-content-sha256");
  const payload = payloadHash(context.hash, request, declared, o.unsignedPayload === true);
  const headers = signableHeaders(request.headers, request.url.host, names !== undefined);
  if (names !== undefined) requireHeaders(headers, names);
  // X-Amz-SignedHeaders is itself signed, so the list is settled before the signature.
  const extraQuery = authPairs(parts, canonicalHeaders(headers, names).signed);
  const result = computeSignature(context, {
    request: { ...request, url },
    o,
    headers,
    names,
    payload,
    extraQuery,
  });
  url.search =
    (search === "" ? "" : `${search}&`) + authSearch(parts, result.signedHeaders, result.signature);
  return { ...result, url };
}

/** `presign` on a given backend: the presigned URL alone. */
export function presignOf(context: SigningContext, request: HttpRequest, options: PresignOptions): URL {
  return presignDetailsOf(context, request, options, ["expiresIn"]).url;
}
