export { parseAuthorization } from "./authorization.js";
export { presign, presignDetails, sign, signAsync, signatureDetails } from "./bind.js";
export { parseAmzDate } from "./date.js";
export { SigV4Error, type SigV4ErrorCode } from "./errors.js";
export type { PresignDetails } from "./presign.js";
export { MAX_EXPIRES_IN } from "./presign-query.js";
export type {
  Credentials,
  ParsedAuthorization,
  PresignDetailsOptions,
  PresignOptions,
  SignatureDetails,
  SignatureDetailsOptions,
  SignOptions,
} from "./types.js";
