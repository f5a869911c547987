import { ALGORITHM } from "./authorization.js";
import type { QueryPair } from "./canonical-uri.js";
import { uriDecode, uriEncode } from "./encoding.js";
import { invalid } from "./errors.js";
import type { ResolvedOptions } from "./options.js";

/** SigV4 caps presigned URLs at 7 days (AWS General Reference, "Authenticating requests: query parameters"). */
export const MAX_EXPIRES_IN = 604_800;

const AUTH_PARAMS = new Set([
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Security-Token",
  "X-Amz-Signature",
]);

/** The `X-Amz-*` values of one presigned URL, except the signed-headers list and signature. */
export interface PresignParts {
  credential: string;
  amzDate: string;
  expires: string;
  token: string | undefined;
  signToken: boolean;
}

export function presignParts(o: ResolvedOptions, expiresIn: unknown): PresignParts {
  if (
    typeof expiresIn !== "number" ||
    !Number.isInteger(expiresIn) ||
    expiresIn < 1 ||
    expiresIn > MAX_EXPIRES_IN
  ) {
    const expectation = `whole seconds from 1 to ${MAX_EXPIRES_IN} (7 days)`;
    throw invalid("invalid-expires", `Invalid expiresIn ${String(expiresIn)}`, expectation);
  }
  return {
    credential: `${o.accessKeyId}/${o.credentialScope}`,
    amzDate: o.time.amzDate,
    expires: String(expiresIn),
    token: o.sessionToken,
    signToken: !o.omitSessionToken,
  };
}

/** The parameters that enter the canonical query string. */
export function authPairs(parts: PresignParts, signedHeaders: string): QueryPair[] {
  const pairs: QueryPair[] = [
    ["X-Amz-Algorithm", ALGORITHM],
    ["X-Amz-Credential", parts.credential],
    ["X-Amz-Date", parts.amzDate],
    ["X-Amz-Expires", parts.expires],
    ["X-Amz-SignedHeaders", signedHeaders],
  ];
  if (parts.token !== undefined && parts.signToken) pairs.push(["X-Amz-Security-Token", parts.token]);
  return pairs;
}

/** The parameters appended to the URL, in the order the aws-c-auth suite's signed requests show. */
export function authSearch(parts: PresignParts, signedHeaders: string, signature: string): string {
  let search =
    `X-Amz-Algorithm=${ALGORITHM}&X-Amz-Credential=${uriEncode(parts.credential)}` +
    `&X-Amz-Date=${parts.amzDate}&X-Amz-SignedHeaders=${uriEncode(signedHeaders)}&X-Amz-Expires=${parts.expires}`;
  if (parts.token !== undefined) search += `&X-Amz-Security-Token=${uriEncode(parts.token)}`;
  return `${search}&X-Amz-Signature=${signature}`;
}

/** A URL's query without `?` and without any earlier SigV4 parameters, so a URL can be presigned again. */
export function stripAuthQuery(search: string): string {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (!query.includes("X-Amz-")) return query;
  return query
    .split("&")
    .filter((part) => {
      const eq = part.indexOf("=");
      return !AUTH_PARAMS.has(uriDecode(eq === -1 ? part : part.slice(0, eq)));
    })
    .join("&");
}
