import type { HttpRequest } from "@lanyard/http";

/** Methods Node sends no body length for on its own (ClientRequest#useChunkedEncodingByDefault). */
const NO_DEFAULT_LENGTH = new Set(["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"]);

/**
 * The request's headers as the flat `[name, value, …]` list node:http writes out as it is,
 * with what Node would add to a headers object: `Host` (the URL's host; its port unless the
 * scheme's default) and, for methods that carry a body, `Content-Length`. Node validates the
 * list as it would the object, but skips `setHeader` and the header map it builds per request,
 * a few percent of the calls per second. A name repeated in another case is sent once, in the
 * first one's place, with the last name and value, as `setHeader` would.
 */
export function headerList(request: HttpRequest): string[] {
  const { headers } = request;
  const list: string[] = [];
  const lowered: string[] = [];
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    const seen = lowered.indexOf(lower);
    if (seen === -1) {
      lowered.push(lower);
      list.push(name, headers[name]!);
    } else {
      list[2 * seen] = name;
      list[2 * seen + 1] = headers[name]!;
    }
  }
  if (!lowered.includes("host")) list.push("Host", request.url.host);
  const framed = lowered.includes("content-length") || lowered.includes("transfer-encoding");
  if (!framed && !NO_DEFAULT_LENGTH.has(request.method.toUpperCase()))
    list.push("Content-Length", String(byteLength(request.body)));
  return list;
}

function byteLength(body: string | Uint8Array | undefined): number {
  if (body === undefined) return 0;
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}
