import type { HttpRequest } from "@lanyard/http";

/** A request as the suites write it: request line, header lines (with folding), blank line, body. */
export interface RawRequest {
  method: string;
  /** The request target exactly as written, which may hold characters a wire path cannot. */
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Parses a suite's request text; repeated headers are joined with "," and folded lines kept. */
export function parseRawRequest(text: string): RawRequest {
  const blank = text.indexOf("\n\n");
  const head = blank === -1 ? text.replace(/\n$/, "") : text.slice(0, blank);
  const body = blank === -1 ? undefined : text.slice(blank + 2);
  const [requestLine = "", ...lines] = head.split("\n");
  const firstSpace = requestLine.indexOf(" ");
  const method = requestLine.slice(0, firstSpace);
  const target = requestLine.slice(firstSpace + 1, requestLine.lastIndexOf(" "));
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of lines) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && last !== undefined) {
      headers[last] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing === undefined) headers[name] = value;
    else headers[existing] += `,${value}`;
    last = existing ?? name;
  }
  return { method, target, headers, body: body === "" ? undefined : body };
}

/** The URL of a raw request: the WHATWG parser percent-encodes what a wire path cannot hold. */
export function urlOf(raw: RawRequest): URL {
  const hostName = Object.keys(raw.headers).find((name) => name.toLowerCase() === "host");
  const host = hostName === undefined ? "example.amazonaws.com" : raw.headers[hostName]!.trim();
  return new URL(`https://${host}${raw.target}`);
}

export function toHttpRequest(raw: RawRequest): HttpRequest {
  const request: HttpRequest = { method: raw.method, url: urlOf(raw), headers: { ...raw.headers } };
  if (raw.body !== undefined) request.body = raw.body;
  return request;
}

/** The request path as written, without its query. */
export function rawPath(raw: RawRequest): string {
  const q = raw.target.indexOf("?");
  return q === -1 ? raw.target : raw.target.slice(0, q);
}
