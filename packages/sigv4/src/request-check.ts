import type { HttpRequest } from "@lanyard/http";
import { invalid } from "./errors.js";

// A request from plain JavaScript (a URL string, headers left out, a body object) would otherwise
// fail as a TypeError from deep in canonicalization, or from the hash naming neither the request
// nor what it takes.

const isUrl = (url: unknown) =>
  typeof url === "object" &&
  url !== null &&
  typeof (url as URL).host === "string" &&
  typeof (url as URL).pathname === "string" &&
  typeof (url as URL).search === "string";

const isBody = (body: unknown) =>
  body === undefined || typeof body === "string" || body instanceof Uint8Array;

/** Throws a `SigV4Error` (`invalid-request`) naming the first member of `request` that is not of its type. */
export function checkRequest(request: HttpRequest): void {
  if (typeof request !== "object" || request === null) {
    throw invalid("invalid-request", "Missing request", "{ method, url, headers, body? }");
  }
  const { method, url, headers, body } = request;
  if (typeof method !== "string" || method === "") {
    throw invalid("invalid-request", "Invalid request.method", 'an HTTP method such as "POST"');
  }
  if (!isUrl(url)) throw invalid("invalid-request", "Invalid request.url", "a URL object (new URL(…))");
  if (typeof headers !== "object" || headers === null) {
    throw invalid("invalid-request", "Invalid request.headers", "an object of header name → value");
  }
  if (!isBody(body)) throw invalid("invalid-request", "Invalid request.body", "a string or a Uint8Array");
}
