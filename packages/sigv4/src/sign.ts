import type { HttpRequest } from "@lanyard/http";
import { ALGORITHM, formatAuthorization } from "./authorization.js";
import { canonicalHeaders, signableHeaders } from "./canonical-headers.js";
import { canonicalPath, canonicalQuery, parseQuery, type QueryPair } from "./canonical-uri.js";
import type { HashBackend } from "./hash/backend.js";
import { type ResolvedOptions, resolveOptions } from "./options.js";
import { payloadHash } from "./payload.js";
import { checkRequest } from "./request-check.js";
import { type PreparedHeaders, prepareHeaders } from "./request-headers.js";
import { cachedSigningKey } from "./signing-key.js";
import type { SignatureDetails, SignOptions } from "./types.js";

// The spec's steps as hash-free functions: the synchronous signer here and the WebCrypto one
// (sign-async.ts) both drive them, hashing only in between (payload, canonical request, HMACs).

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

/** Step 1: the canonical request and the signed-headers list it names. */
export function canonicalRequestOf({ request, o, headers, names, payload, extraQuery }: Signable) {
  const { canonical, signed } = canonicalHeaders(headers, names);
  const { url } = request;
  const pairs = parseQuery(url.search).concat(extraQuery ?? []);
  const path = canonicalPath(url.pathname, o.normalizePath !== false, o.doubleEncodePath !== false);
  const canonicalRequest = `${request.method.toUpperCase()}\n${path}\n${canonicalQuery(pairs)}\n${canonical}\n${signed}\n${payload}`;
  return { canonicalRequest, signedHeaders: signed };
}

/** Step 2: the string to sign, given the hex SHA-256 of the canonical request. */
export function stringToSignOf(o: ResolvedOptions, canonicalRequestHash: string): string {
  return `${ALGORITHM}\n${o.time.amzDate}\n${o.credentialScope}\n${canonicalRequestHash}`;
}

/** The spec's steps in order: canonical request, string to sign, signature. */
export function computeSignature({ hash, keys }: SigningContext, signable: Signable): SignatureDetails {
  const { o } = signable;
  const { canonicalRequest, signedHeaders } = canonicalRequestOf(signable);
  const stringToSign = stringToSignOf(o, hash.sha256Hex(canonicalRequest));
  const key = cachedSigningKey(hash, keys, o.secretAccessKey, o.time.shortDate, o.region, o.service);
  const signature = hash.hmacHex(key, stringToSign);
  return { canonicalRequest, stringToSign, signature, signedHeaders, credentialScope: o.credentialScope };
}

/** The header form's signable: the prepared headers (plus `x-amz-content-sha256` when asked). */
export function headerSignable(
  request: HttpRequest,
  o: ResolvedOptions,
  { headers, declaredPayloadHash }: PreparedHeaders,
  payload: string,
): Signable {
  if (o.contentSha256Header && declaredPayloadHash === undefined) headers["x-amz-content-sha256"] = payload;
  return { request, o, headers: signableHeaders(headers, request.url.host), payload };
}

/** The request's headers with the signer's own set, and the signature over them. */
export function signHeaders(context: SigningContext, request: HttpRequest, o: ResolvedOptions) {
  const prepared = prepareHeaders(request, o);
  const unsigned = o.unsignedPayload === true;
  const payload = payloadHash(context.hash, request, prepared.declaredPayloadHash, unsigned);
  const result = computeSignature(context, headerSignable(request, o, prepared, payload));
  return { headers: prepared.headers, result };
}

/** Step 4: a new request carrying `authorization` (and a token sent unsigned, when asked). */
export function withAuthorization(
  request: HttpRequest,
  o: ResolvedOptions,
  headers: Record<string, string>,
  signedHeaders: string,
  signature: string,
): HttpRequest {
  headers.authorization = formatAuthorization(o.accessKeyId, o.credentialScope, signedHeaders, signature);
  // Some services want the token sent but not signed (aws4_testsuite post-sts-header-after).
  if (o.sessionToken !== undefined && o.omitSessionToken) headers["x-amz-security-token"] = o.sessionToken;
  return { ...request, headers };
}

/** `sign` on a given backend: a new request carrying the SigV4 headers. */
export function signRequest(
  context: SigningContext,
  request: HttpRequest,
  options: SignOptions,
): HttpRequest {
  checkRequest(request);
  const o = resolveOptions(options);
  const { headers, result } = signHeaders(context, request, o);
  return withAuthorization(request, o, headers, result.signedHeaders, result.signature);
}
