import { TransportError } from "@lanyard/http";

/**
 * Parses a proxy setting. Like curl, a value without a scheme (`proxy.corp:3128`) means
 * `http://`; only `http:` and `https:` proxies are supported. Errors never echo the value, which
 * may carry a password.
 */
export function parseProxyUrl(value: string, source: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (error) {
    throw new TransportError("network", `the proxy in ${source} is not a valid URL`, { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TransportError(
      "network",
      `the proxy in ${source} uses ${url.protocol}//; expected an http:// or https:// proxy URL`,
    );
  }
  return url;
}

/** The proxy as error messages may show it: scheme, host and port, never the credentials. */
export function proxyLabel(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
