import type { AwsCredentials } from "@lanyard/credentials";
import type { HttpRequest } from "@lanyard/http";
import { FORM_CONTENT_TYPE } from "@lanyard/query-protocol";
import { signRequest } from "#platform";
import type { ResolvedStsEndpoint } from "./endpoint.js";

/** The unsigned POST of an awsQuery call. */
export function buildRequest(endpoint: ResolvedStsEndpoint, body: string): HttpRequest {
  return {
    method: "POST",
    url: endpoint.url,
    headers: { ...endpoint.headers, host: endpoint.url.host, "content-type": FORM_CONTENT_TYPE },
    body,
  };
}

/**
 * Signs the request for this attempt (the date comes from the skew-corrected clock, so a retry
 * after a clock-skew error is re-signed), then adds the user agent, which stays unsigned as in
 * the SDKs so a proxy rewriting it cannot break the signature. The platform picks the signer:
 * node:crypto's synchronous `sign` on Node, WebCrypto's `signAsync` elsewhere (no JS SHA-256).
 */
export async function authorize(
  request: HttpRequest,
  endpoint: ResolvedStsEndpoint,
  credentials: AwsCredentials | undefined,
  date: Date,
  userAgent: { header: string; value: string },
): Promise<HttpRequest> {
  const signed =
    credentials === undefined
      ? request
      : await signRequest(request, {
          credentials,
          region: endpoint.signingRegion,
          service: endpoint.signingName,
          date,
        });
  return { ...signed, headers: { ...signed.headers, [userAgent.header]: userAgent.value } };
}
