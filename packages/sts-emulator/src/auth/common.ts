import { timingSafeEqual } from "node:crypto";
import { parseAmzDate } from "@lanyard/sigv4";
import {
  type ErrorAnswer,
  expiredToken,
  incompleteSignature,
  invalidClientTokenId,
  signatureDoesNotMatch,
} from "../answer.js";
import type { CredentialStore, SigningIdentity } from "../identity/store.js";

/** What verifying a request needs: the emulator's clock, its region and the keys it knows. */
export interface AuthContext {
  now: number;
  region: string;
  store: CredentialStore;
}

export type AuthOutcome = { identity: SigningIdentity } | { error: ErrorAnswer };

/** STS rejects a request signed more than 5 minutes away from its own clock. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The identity behind an access key id: unknown keys and temporary keys sent without their
 * own session token are InvalidClientTokenId, expired temporary keys ExpiredToken.
 */
function identityOf(accessKeyId: string, token: string | undefined, context: AuthContext): AuthOutcome {
  const identity = context.store.find(accessKeyId);
  if (identity === undefined) return { error: invalidClientTokenId() };
  if (
    identity.sessionToken !== undefined &&
    (token === undefined || !sameSignature(token, identity.sessionToken))
  )
    return { error: invalidClientTokenId() };
  if (identity.expiresAt !== undefined && context.now >= identity.expiresAt) return { error: expiredToken() };
  return { identity };
}

/** The credential scope must name STS and the emulator's region, as a regional STS endpoint requires. */
function checkScope(service: string, region: string, context: AuthContext): ErrorAnswer | undefined {
  if (service !== "sts")
    return signatureDoesNotMatch(`Credential should be scoped to correct service: 'sts', not '${service}'.`);
  if (region !== context.region)
    return signatureDoesNotMatch(
      `Credential should be scoped to a valid region, not '${region}' (the emulator serves '${context.region}').`,
    );
  return undefined;
}

/** What a signature, in a header or a presigned URL, says about who signed it and what. */
export interface SignerClaims {
  accessKeyId: string;
  /** `X-Amz-Security-Token`, for temporary keys. */
  token: string | undefined;
  /** The credential scope's service and region. */
  service: string;
  region: string;
  signedHeaders: readonly string[];
}

/**
 * The identity behind a signature whose scope names STS in the emulator's region and whose
 * signed headers include `host`: the checks both forms of SigV4 make, in the order STS answers them.
 */
export function signerOf(claims: SignerClaims, context: AuthContext): AuthOutcome {
  const found = identityOf(claims.accessKeyId, claims.token, context);
  if ("error" in found) return found;
  const scope = checkScope(claims.service, claims.region, context);
  if (scope) return { error: scope };
  if (!claims.signedHeaders.includes("host"))
    return { error: incompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.") };
  return found;
}

/** The signing time of `X-Amz-Date`, which must fall on the credential scope's day. */
export function signingDate(amzDate: string, scopeDate: string): Date | ErrorAnswer {
  let date: Date;
  try {
    date = parseAmzDate(amzDate);
  } catch {
    return incompleteSignature(`Invalid X-Amz-Date "${amzDate}": expected YYYYMMDDTHHMMSSZ.`);
  }
  if (!amzDate.startsWith(scopeDate)) {
    return signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'.`,
    );
  }
  return date;
}
