import type { HttpRequest } from "@lanyard/http";
import { MAX_EXPIRES_IN, presignDetails } from "@lanyard/sigv4";
import { type ErrorAnswer, incompleteSignature, requestExpired, signatureDoesNotMatch } from "../answer.js";
import {
  type AuthContext,
  type AuthOutcome,
  MAX_SKEW_MS,
  sameSignature,
  signerOf,
  signingDate,
} from "./common.js";

const REQUIRED = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Signature",
  "X-Amz-Date",
  "X-Amz-SignedHeaders",
  "X-Amz-Expires",
] as const;

type Query = Record<(typeof REQUIRED)[number], string>;

const CREDENTIAL = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;

/** Whether a request carries SigV4 query-string authentication (a presigned URL). */
export function hasQueryAuth(url: URL): boolean {
  return url.searchParams.has("X-Amz-Algorithm") || url.searchParams.has("X-Amz-Signature");
}

function readQuery(url: URL): Query | ErrorAnswer {
  const values: Partial<Query> = {};
  for (const name of REQUIRED) {
    const value = url.searchParams.get(name);
    if (value === null) {
      return incompleteSignature(
        `AWS query-string parameters must include ${REQUIRED.map((n) => `'${n}'`).join(", ")}. Re-examine the query-string parameters.`,
      );
    }
    values[name] = value;
  }
  const query = values as Query;
  if (query["X-Amz-Algorithm"] !== "AWS4-HMAC-SHA256")
    return incompleteSignature(
      `Unsupported X-Amz-Algorithm "${query["X-Amz-Algorithm"]}": expected AWS4-HMAC-SHA256.`,
    );
  return query;
}

function expiresIn(text: string): number | ErrorAnswer {
  const seconds = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  if (seconds >= 1 && seconds <= MAX_EXPIRES_IN) return seconds;
  return incompleteSignature(
    `Invalid X-Amz-Expires "${text}": expected whole seconds from 1 to ${MAX_EXPIRES_IN}.`,
  );
}

/** A presigned URL is good from its X-Amz-Date (give or take the clock tolerance) for X-Amz-Expires seconds. */
function checkWindow(date: Date, seconds: number, now: number): ErrorAnswer | undefined {
  const signedAt = date.getTime();
  if (signedAt - now > MAX_SKEW_MS)
    return requestExpired(
      `Request is not yet valid: signed for ${date.toISOString()}, server time ${new Date(now).toISOString()}.`,
    );
  if (now > signedAt + seconds * 1000) {
    const expired = new Date(signedAt + seconds * 1000).toISOString();
    return requestExpired(
      `Request has expired: the presigned URL expired at ${expired}, server time ${new Date(now).toISOString()}.`,
    );
  }
  return undefined;
}

/**
 * Whether the URL's signature matches. Presigners differ on the payload they sign for a GET:
 * the SHA-256 of the empty body (the JS and Go SDKs) or `UNSIGNED-PAYLOAD` (botocore's
 * SigV4QueryAuth); STS accepts both, so both are tried.
 */
function matches(
  request: HttpRequest,
  query: Query,
  details: Omit<Parameters<typeof presignDetails>[1], "unsignedPayload">,
): boolean {
  for (const unsignedPayload of [false, true]) {
    try {
      const { signature } = presignDetails(request, { ...details, unsignedPayload });
      if (sameSignature(signature, query["X-Amz-Signature"])) return true;
    } catch {
      return false; // a header named in X-Amz-SignedHeaders that the request does not carry
    }
  }
  return false;
}

/** Verifies SigV4 query-string authentication (a presigned URL), including its expiry. */
export function verifyQueryAuth(request: HttpRequest, context: AuthContext): AuthOutcome {
  const query = readQuery(request.url);
  if ("status" in query) return { error: query };
  const scope = CREDENTIAL.exec(query["X-Amz-Credential"]);
  if (scope === null)
    return {
      error: incompleteSignature(
        `Invalid X-Amz-Credential: expected <key>/<yyyymmdd>/<region>/<service>/aws4_request.`,
      ),
    };
  const [, accessKeyId, scopeDate, region, service] = scope as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const token = request.url.searchParams.get("X-Amz-Security-Token") ?? undefined;
  const signedHeaders = query["X-Amz-SignedHeaders"].split(";");
  const found = signerOf({ accessKeyId, token, service, region, signedHeaders }, context);
  if ("error" in found) return found;
  const seconds = expiresIn(query["X-Amz-Expires"]);
  if (typeof seconds !== "number") return { error: seconds };
  const date = signingDate(query["X-Amz-Date"], scopeDate);
  if (!(date instanceof Date)) return { error: date };
  const late = checkWindow(date, seconds, context.now);
  if (late) return { error: late };
  const credentials = { accessKeyId, secretAccessKey: found.identity.secretAccessKey, sessionToken: token };
  const details = { credentials, region, service, date, expiresIn: seconds, signedHeaders };
  return matches(request, query, details) ? found : { error: signatureDoesNotMatch() };
}
