import type { HttpRequest } from "@lanyard/http";
import { ALGORITHM, formatAuthorization } from "./authorization.js";
import { canonicalHeaders, signableHeaders } from "./canonical-headers.js";
import { canonicalPath, canonicalQuery, parseQuery, type QueryPair } from "./canonical-uri.js";
import { parseAmzDate } from "./date.js";
import { SigV4Error } from "./errors.js";
import type { HashBackend } from "./hash/backend.js";
import { type ResolvedOptions, resolveOptions, SIGN_OPTION_NAMES } from "./options.js";
import { payloadHash } from "./payload.js";
import { authPairs, authSearch, presignParts, stripAuthQuery } from "./presign-query.js";
import { findHeader, prepareHeaders } from "./request-headers.js";
import { SigningKeyCache } from "./signing-key.js";
import type {
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "./types.js";

const SIGN_OPTIONS = new Set(SIGN_OPTION_NAMES);
const PRESIGN_OPTIONS = new Set([...SIGN_OPTION_NAMES, "expiresIn"]);
const PRESIGN_DETAILS_OPTIONS = new Set([...SIGN_OPTION_NAMES, "expiresIn", "signedHeaders"]);
const DETAILS_OPTIONS = new Set([...SIGN_OPTION_NAMES, "signedHeaders"]);

/** A presigned URL with the intermediate steps that produced it. */
export interface PresignDetails extends SignatureDetails {
  url: URL;
}

/** The SigV4 operations bound to one hash backend, with their own signing-key cache. */
export interface SigV4 {
  sign(request: HttpRequest, options: SignOptions): HttpRequest;
  presign(request: HttpRequest, options: PresignOptions): URL;
  signatureDetails(request: HttpRequest, options: SignatureDetailsOptions): SignatureDetails;
  presignDetails(request: HttpRequest, options: PresignDetailsOptions): PresignDetails;
}

/** What one signature covers once the headers and payload hash are settled. */
interface Signable {
  request: HttpRequest;
  o: ResolvedOptions;
  headers: Map<string, string>;
  names?: readonly string[] | undefined;
  payload: string;
  extraQuery?: (signedHeaders: string) => QueryPair[];
}

/** The operations as methods of one object; `createSigV4` hands them out bound. */
class Signer {
  readonly #hash: HashBackend;
  readonly #keys: SigningKeyCache;

  constructor(hash: HashBackend) {
    this.#hash = hash;
    this.#keys = new SigningKeyCache(hash);
  }

  /** The spec's steps in order: canonical request, string to sign, signature. */
  details({ request, o, headers, names, payload, extraQuery }: Signable): SignatureDetails {
    const { canonical, signed } = canonicalHeaders(headers, names);
    const { url } = request;
    let pairs: QueryPair[] = url.search === "" ? [] : parseQuery(url.search);
    if (extraQuery) pairs = pairs.concat(extraQuery(signed));
    const canonicalRequest =
      `${request.method.toUpperCase()}\n${canonicalPath(url.pathname, o.normalizePath, o.doubleEncodePath)}\n` +
      `${canonicalQuery(pairs)}\n${canonical}\n${signed}\n${payload}`;
    const hashed = this.#hash.sha256Hex(canonicalRequest);
    const stringToSign = `${ALGORITHM}\n${o.time.amzDate}\n${o.credentialScope}\n${hashed}`;
    const key = this.#keys.get(o.secretAccessKey, o.time.shortDate, o.region, o.service);
    const signature = this.#hash.hmacHex(key, stringToSign);
    return {
      canonicalRequest,
      stringToSign,
      signature,
      signedHeaders: signed,
      credentialScope: o.credentialScope,
    };
  }

  headerDetails(request: HttpRequest, o: ResolvedOptions) {
    const { headers, declaredPayloadHash } = prepareHeaders(request, o);
    const payload = payloadHash(this.#hash, request, declaredPayloadHash, o.unsignedPayload);
    if (o.contentSha256Header && declaredPayloadHash === undefined) headers["x-amz-content-sha256"] = payload;
    const signable = signableHeaders(headers, request.url.host);
    return { headers, result: this.details({ request, o, headers: signable, payload }) };
  }

  sign(request: HttpRequest, options: SignOptions): HttpRequest {
    const o = resolveOptions(options, SIGN_OPTIONS);
    const { headers, result } = this.headerDetails(request, o);
    const { signedHeaders, signature } = result;
    headers.authorization = formatAuthorization(o.accessKeyId, o.credentialScope, signedHeaders, signature);
    // Some services want the token sent but not signed (aws4_testsuite post-sts-header-after).
    if (o.sessionToken !== undefined && o.omitSessionToken) headers["x-amz-security-token"] = o.sessionToken;
    return { ...request, headers };
  }

  /** Recomputes a received request's signature over exactly the headers it names. */
  verifyDetails(request: HttpRequest, options: SignatureDetailsOptions, names: readonly string[]) {
    const { signedHeaders: _, ...rest } = options;
    let date = options.date;
    if (date === undefined) {
      const amzDate = findHeader(request.headers, "x-amz-date");
      if (amzDate === undefined) {
        throw new SigV4Error(
          "invalid-date",
          "Missing signing date: pass options.date or an X-Amz-Date header.",
        );
      }
      date = parseAmzDate(amzDate);
    }
    const o = resolveOptions(rest, SIGN_OPTIONS, date);
    const declared = findHeader(request.headers, "x-amz-content-sha256");
    const payload = payloadHash(this.#hash, request, declared, o.unsignedPayload);
    const headers = signableHeaders(request.headers, request.url.host, true);
    return this.details({ request, o, headers, names, payload });
  }

  signatureDetails(request: HttpRequest, options: SignatureDetailsOptions): SignatureDetails {
    const names = options?.signedHeaders;
    if (names !== undefined) return this.verifyDetails(request, options, names);
    return this.headerDetails(request, resolveOptions(options, DETAILS_OPTIONS)).result;
  }

  presignDetails(request: HttpRequest, options: PresignDetailsOptions, allowed = PRESIGN_DETAILS_OPTIONS) {
    const o = resolveOptions(options, allowed);
    const names = options.signedHeaders;
    const parts = presignParts(o, options.expiresIn);
    const search = stripAuthQuery(request.url.search);
    const url = new URL(request.url);
    url.search = search;
    const declared = findHeader(request.headers, "x-amz-content-sha256");
    const payload = payloadHash(this.#hash, request, declared, o.unsignedPayload);
    const headers = signableHeaders(request.headers, request.url.host, names !== undefined);
    const extraQuery = (signed: string) => authPairs(parts, signed);
    const result = this.details({ request: { ...request, url }, o, headers, names, payload, extraQuery });
    url.search =
      (search === "" ? "" : `${search}&`) + authSearch(parts, result.signedHeaders, result.signature);
    return { ...result, url } satisfies PresignDetails;
  }
}

/** Binds the SigV4 operations to a hash backend; each call gets its own signing-key cache. */
export function createSigV4(hash: HashBackend): SigV4 {
  const signer = new Signer(hash);
  return {
    sign: (request, options) => signer.sign(request, options),
    presign: (request, options) => signer.presignDetails(request, options, PRESIGN_OPTIONS).url,
    signatureDetails: (request, options) => signer.signatureDetails(request, options),
    presignDetails: (request, options) => signer.presignDetails(request, options),
  };
}
