import { timingSafeEqual } from "node:crypto";
import type { HttpRequest } from "@lanyard/http";
import { parseAmzDate, parseAuthorization, signatureDetails } from "@lanyard/sigv4";

/** The SigV4 test suite's identity, the only one the emulator knows. */
export const TEST_CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
} as const;

/** STS rejects a request signed more than 5 minutes away from its own clock. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export interface AuthFailure {
  status: number;
  code: string;
  message: string;
}

const fail = (status: number, code: string, message: string): AuthFailure => ({ status, code, message });

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

function header(request: HttpRequest, name: string): string | undefined {
  return request.headers[name];
}

function checkDate(amzDate: string | undefined, scopeDate: string, now: number): AuthFailure | Date {
  if (amzDate === undefined) {
    return fail(
      400,
      "IncompleteSignature",
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  let date: Date;
  try {
    date = parseAmzDate(amzDate);
  } catch {
    return fail(400, "IncompleteSignature", `Invalid X-Amz-Date "${amzDate}": expected YYYYMMDDTHHMMSSZ.`);
  }
  if (!amzDate.startsWith(scopeDate)) {
    return fail(
      403,
      "SignatureDoesNotMatch",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'.`,
    );
  }
  if (Math.abs(date.getTime() - now) > MAX_SKEW_MS) {
    const server = new Date(now).toISOString();
    return fail(
      400,
      "RequestExpired",
      `Request has expired: signed at ${date.toISOString()}, server time ${server}, more than 5 minutes apart.`,
    );
  }
  return date;
}

/**
 * Verifies a received request's SigV4 `Authorization` header as STS does; `undefined` when it
 * verifies. `request.headers` must have lower-case names.
 */
export function verifyRequest(request: HttpRequest, now: number): AuthFailure | undefined {
  const authorization = header(request, "authorization");
  if (authorization === undefined) {
    return fail(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
  }
  let parsed: ReturnType<typeof parseAuthorization>;
  try {
    parsed = parseAuthorization(authorization);
  } catch {
    return fail(
      400,
      "IncompleteSignature",
      "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.",
    );
  }
  if (parsed.accessKeyId !== TEST_CREDENTIALS.accessKeyId) {
    return fail(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  }
  if (parsed.service !== "sts") {
    return fail(
      403,
      "SignatureDoesNotMatch",
      `Credential should be scoped to correct service: 'sts', not '${parsed.service}'.`,
    );
  }
  if (!parsed.signedHeaders.includes("host")) {
    return fail(400, "IncompleteSignature", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const date = checkDate(header(request, "x-amz-date"), parsed.date, now);
  if (!(date instanceof Date)) return date;
  const token = header(request, "x-amz-security-token");
  const expected = signatureDetails(request, {
    credentials: token === undefined ? { ...TEST_CREDENTIALS } : { ...TEST_CREDENTIALS, sessionToken: token },
    region: parsed.region,
    service: parsed.service,
    date,
    signedHeaders: parsed.signedHeaders,
  });
  if (!sameSignature(expected.signature, parsed.signature)) {
    return fail(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    );
  }
  return undefined;
}
