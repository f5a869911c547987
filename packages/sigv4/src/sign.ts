import type { HttpRequest } from "@lanyard/http";
import { ALGORITHM, formatAuthorization } from "./authorization.js";
import { canonicalHeaders, signableHeaders } from "./canonical-headers.js";
import { canonicalPath, canonicalQuery, parseQuery, type QueryPair } from "./canonical-uri.js";
import type { HashBackend } from "./hash/backend.js";
import { type ResolvedOptions, resolveOptions } from "./options.js";
import { payloadHash } from "./payload.js";
import { prepareHeaders } from "./request-headers.js";
import { cachedSigningKey } from "./signing-key.js";
import type { SignatureDetails, SignOptions } from "./types.js";

/** A hash backend and its own cache of derived signing keys: what every operation runs on. */
export interface SigningContext {
  hash: HashBackend;
  keys: Map<string, Uint8Array>;
}

export function signingContext(hash: HashBackend): SigningContext {
  return { hash, keys: new Map() };
}

/** What one signature covers once the headers and payload hash are settled. */
export interface Signable {
  request: HttpRequest;
  o: ResolvedOptions;
  /** Lower-case name → folded value. */
  headers: Map<string, string>;
  /** The names to sign (a verifier's); all of `headers` when omitted. */
  names?: readonly string[] | undefined;
  payload: string;
  /** Query parameters signed along with the URL's own (presigning's `X-Amz-*`). */
  extraQuery?: QueryPair[];
}

/** The spec's steps in order: canonical request, string to sign, signature. */
export function computeSignature(
  { hash, keys }: SigningContext,
  { request, o, headers, names, payload, extraQuery }: Signable,
): SignatureDetails {
  const { canonical, signed } = canonicalHeaders(headers, names);
  const { url } = request;
  const pairs = parseQuery(url.search).concat(extraQuery ?? []);
  const path = canonicalPath(url.pathname, o.normalizePath !== false, o.doubleEncodePath !== false);
  const canonicalRequest = `${request.method.toUpperCase()}\n${path}\n${canonicalQuery(pairs)}\n${canonical}\n${signed}\n${payload}`;
  const { amzDate, shortDate } = o.time;
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${o.credentialScope}\n${hash.sha256Hex(canonicalRequest)}`;
  const key = cachedSigningKey(hash, keys, o.secretAccessKey, shortDate, o.region, o.service);
  return {
    canonicalRequest,
    stringToSign,
    signature: hash.hmacHex(key, stringToSign),
    signedHeaders: signed,
    credentialScope: o.credentialScope,
  };
}

/** The request's headers with the signer's own set, and the signature over them. */
export function signHeaders(context: SigningContext, request: HttpRequest, o: ResolvedOptions) {
  const { headers, declaredPayloadHash } = prepareHeaders(request, o);
  const payload = payloadHash(context.hash, request, declaredPayloadHash, o.unsignedPayload === true);
  if (o.contentSha256Header && declaredPayloadHash === undefined) headers["x-amz-content-sha256"] = payload;
  const signable = signableHeaders(headers, request.url.host);
  return { headers, result: computeSignature(context, { request, o, headers: signable, payload }) };
}

/** `sign` on a given backend: a new request carrying the SigV4 headers. */
export function signRequest(
  context: SigningContext,
  request: HttpRequest,
  options: SignOptions,
): HttpRequest {
  const o = resolveOptions(options);
  const { headers, result } = signHeaders(context, request, o);
  headers.authorization = formatAuthorization(
    o.accessKeyId,
    o.credentialScope,
    result.signedHeaders,
    result.signature,
  );
  // Some services want the token sent but not signed (aws4_testsuite post-sts-header-after).
  if (o.sessionToken !== undefined && o.omitSessionToken) headers["x-amz-security-token"] = o.sessionToken;
  return { ...request, headers };
}
