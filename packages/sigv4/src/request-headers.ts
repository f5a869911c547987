import type { HttpRequest } from "@lanyard/http";
import type { ResolvedOptions } from "./options.js";

/** The headers to sign, and a payload hash the caller declared in `x-amz-content-sha256`. */
export interface PreparedHeaders {
  headers: Record<string, string>;
  declaredPayloadHash: string | undefined;
}

/**
 * A copy of the request's headers with the ones the signer owns set afresh: an earlier
 * `authorization` and `x-amz-date` (in any letter case) are dropped, and so is an
 * `x-amz-security-token` when the credentials bring their own.
 */
export function prepareHeaders(request: HttpRequest, o: ResolvedOptions): PreparedHeaders {
  const headers: Record<string, string> = {};
  let declaredPayloadHash: string | undefined;
  const source = request.headers;
  for (const name of Object.keys(source)) {
    const lower = name.toLowerCase();
    if (lower === "authorization" || lower === "x-amz-date") continue;
    if (lower === "x-amz-security-token" && o.sessionToken !== undefined) continue;
    if (lower === "x-amz-content-sha256") declaredPayloadHash = source[name];
    headers[name] = source[name]!;
  }
  headers["x-amz-date"] = o.time.amzDate;
  if (o.sessionToken !== undefined && !o.omitSessionToken) headers["x-amz-security-token"] = o.sessionToken;
  return { headers, declaredPayloadHash };
}

/** A header's value by lower-case name, whatever case the request uses. */
export function findHeader(headers: Record<string, string>, wanted: string): string | undefined {
  for (const name of Object.keys(headers)) if (name.toLowerCase() === wanted) return headers[name];
  return undefined;
}
