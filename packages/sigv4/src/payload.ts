import type { HttpRequest } from "@lanyard/http";
import type { HashBackend } from "./hash/backend.js";

export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/** SHA-256 of the empty string, the payload hash of every body-less request. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * The payload hash when no hashing is needed: a caller-set `x-amz-content-sha256` wins (S3 uses it
 * for `UNSIGNED-PAYLOAD` and streaming modes, as the Smithy signer honours), then
 * `unsignedPayload`. Undefined when the body's SHA-256 must be computed.
 */
export function fixedPayloadHash(declared: string | undefined, unsignedPayload: boolean): string | undefined {
  return declared ?? (unsignedPayload ? UNSIGNED_PAYLOAD : undefined);
}

/** The payload hash to sign: `fixedPayloadHash`, else the SHA-256 of the body. */
export function payloadHash(
  hash: HashBackend,
  request: HttpRequest,
  declared: string | undefined,
  unsignedPayload: boolean,
): string {
  return fixedPayloadHash(declared, unsignedPayload) ?? hash.sha256Hex(request.body ?? "");
}
