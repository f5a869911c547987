import { usageError } from "./errors.js";

/**
 * `--endpoint-url`, checked as the STS client checks an endpoint, so a typo is a usage error
 * naming the option (status 2) rather than a configuration error from the client. The value is
 * never repeated: an endpoint may carry a password.
 */
export function checkEndpointOption(value: string, command: string | undefined): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    throw usageError("--endpoint-url must be an http:// or https:// URL", command);
  }
  if (url.username !== "" || url.password !== "") {
    throw usageError("--endpoint-url must not contain a user name or password", command);
  }
  if (url.search !== "" || url.hash !== "") {
    throw usageError("--endpoint-url must not contain a query or fragment", command);
  }
  return value;
}
