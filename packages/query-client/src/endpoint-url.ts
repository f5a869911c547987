import { ClientError } from "./errors.js";
import type { SettingSource } from "./settings.js";

const EXPECTED =
  'expected an absolute http(s) URL such as "https://service.example.com" or "http://localhost:4566"';

function invalid(source: SettingSource, why: string): ClientError {
  return new ClientError("endpoint", `${source} ${why}: ${EXPECTED}`);
}

/**
 * Checks an endpoint override before any request is built. The value is never echoed: an
 * endpoint may carry a user name and password, and a bad one is named by its source instead.
 */
export function checkEndpointUrl(value: string | URL, source: SettingSource): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw invalid(source, "is not a URL");
  }
  // `localhost:4566` parses as a URL whose scheme is `localhost:`.
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(source, "has no http:// or https:// scheme");
  }
  if (url.hostname === "") throw invalid(source, "has no host");
  if (url.username !== "" || url.password !== "")
    throw invalid(source, "must not contain a user name or password");
  if (url.search !== "" || url.hash !== "") throw invalid(source, "must not contain a query or fragment");
  return String(value);
}
