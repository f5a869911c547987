import { hasDecodableCredentials, TransportError } from "@lanyard/http";

const EXPECTED = "expected http://[user:password@]host:port, the credentials percent-encoded";

/**
 * Parses a proxy setting. Like curl, a value without a scheme (`proxy.corp:3128`) means
 * `http://`; only `http:` and `https:` proxies are supported. Errors name `source` and never
 * echo the value, which may carry a password: not even as a cause, since Node's URL TypeError
 * keeps the whole input on its `input` property.
 */
export function parseProxyUrl(value: string, source: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  const url = URL.canParse(withScheme) ? new URL(withScheme) : undefined;
  if (!url) throw new TransportError("network", `the proxy in ${source} is not a valid URL; ${EXPECTED}`);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TransportError(
      "network",
      `the proxy in ${source} uses ${url.protocol}//; expected an http:// or https:// proxy URL`,
    );
  }
  // The proxy packages decode the credentials on every request; a bad escape would fail each one
  // with a bare "URI malformed" instead of once, here, naming the setting.
  if (!hasDecodableCredentials(url)) {
    throw new TransportError(
      "network",
      `the proxy in ${source} has credentials that are not valid percent-encoding; ${EXPECTED}`,
    );
  }
  return url;
}

/** The proxy as error messages may show it: scheme, host and port, never the credentials. */
export function proxyLabel(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
