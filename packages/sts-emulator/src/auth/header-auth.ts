import type { HttpRequest } from "@lanyard/http";
import { parseAuthorization, signatureDetails } from "@lanyard/sigv4";
import { incompleteSignature, requestExpired, signatureDoesNotMatch } from "../answer.js";
import {
  type AuthContext,
  type AuthOutcome,
  MAX_SKEW_MS,
  sameSignature,
  signerOf,
  signingDate,
} from "./common.js";

function parse(authorization: string): ReturnType<typeof parseAuthorization> | undefined {
  try {
    return parseAuthorization(authorization);
  } catch {
    return undefined;
  }
}

function recompute(
  request: HttpRequest,
  parsed: ReturnType<typeof parseAuthorization>,
  secret: string,
  date: Date,
) {
  try {
    return signatureDetails(request, {
      credentials: { accessKeyId: parsed.accessKeyId, secretAccessKey: secret },
      region: parsed.region,
      service: parsed.service,
      date,
      signedHeaders: parsed.signedHeaders,
    }).signature;
  } catch {
    // A header named in SignedHeaders that the request does not carry.
    return undefined;
  }
}

/**
 * Verifies a SigV4 `Authorization` header as STS does (AWS General Reference, "Signature
 * Version 4 signing process"). `request.headers` must have lower-case names.
 */
export function verifyHeaderAuth(
  request: HttpRequest,
  authorization: string,
  context: AuthContext,
): AuthOutcome {
  const parsed = parse(authorization);
  if (parsed === undefined) {
    return {
      error: incompleteSignature(
        "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.",
      ),
    };
  }
  const found = signerOf({ ...parsed, token: request.headers["x-amz-security-token"] }, context);
  if ("error" in found) return found;
  const amzDate = request.headers["x-amz-date"];
  if (amzDate === undefined) {
    return {
      error: incompleteSignature(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      ),
    };
  }
  const date = signingDate(amzDate, parsed.date);
  if (!(date instanceof Date)) return { error: date };
  if (Math.abs(date.getTime() - context.now) > MAX_SKEW_MS) {
    const server = new Date(context.now).toISOString();
    const signed = date.toISOString();
    return {
      error: requestExpired(
        `Request has expired: signed at ${signed}, server time ${server}, more than 5 minutes apart.`,
      ),
    };
  }
  const signature = recompute(request, parsed, found.identity.secretAccessKey, date);
  if (signature === undefined || !sameSignature(signature, parsed.signature))
    return { error: signatureDoesNotMatch() };
  return found;
}
