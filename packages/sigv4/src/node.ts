import { nodeHash } from "./hash/node.js";
import { createSigV4 } from "./signer.js";

const sigv4 = createSigV4(nodeHash);

/**
 * Signs a request with SigV4 headers (`authorization`, `x-amz-date`, `x-amz-security-token`).
 * Synchronous; returns a new request and leaves the given one untouched.
 */
export const sign = sigv4.sign;
/** A presigned URL carrying the SigV4 `X-Amz-*` query parameters. */
export const presign = sigv4.presign;
/** The canonical request, string to sign and signature, for debugging or verifying a received request. */
export const signatureDetails = sigv4.signatureDetails;
/** A presigned URL together with its canonical request, string to sign and signature. */
export const presignDetails = sigv4.presignDetails;
