// Everything both entry points share; only the hash backend behind sign/presign differs.
export { parseAuthorization } from "./authorization.js";
export { foldHeaderValue, UNSIGNABLE_HEADERS } from "./canonical-headers.js";
export { canonicalPath, canonicalQuery, parseQuery, type QueryPair } from "./canonical-uri.js";
export { parseAmzDate, type SigningTime, signingTime } from "./date.js";
export { uriEncode } from "./encoding.js";
export { SigV4Error, type SigV4ErrorCode } from "./errors.js";
export type { HashBackend } from "./hash/backend.js";
export { EMPTY_SHA256, UNSIGNED_PAYLOAD } from "./payload.js";
export { MAX_EXPIRES_IN } from "./presign-query.js";
export { createSigV4, type PresignDetails, type SigV4 } from "./signer.js";
export { deriveSigningKey } from "./signing-key.js";
export { SigningKeyCache } from "./signing-key-cache.js";
export type {
  Credentials,
  ParsedAuthorization,
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "./types.js";
