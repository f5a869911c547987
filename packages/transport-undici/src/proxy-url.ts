import { hasDecodableCredentials, TransportError } from "@lanyard/http";

type Env = Record<string, string | undefined>;

/** The schemes undici's ProxyAgent connects through. */
const SCHEMES = new Set(["http:", "https:", "socks5:", "socks:"]);
const EXPECTED = "expected http://[user:password@]host:port, the credentials percent-encoded";

/**
 * The proxy variables undici's EnvHttpProxyAgent reads, read once when the transport is made
 * and checked. Passed to it explicitly, they are the very values checked: it would otherwise
 * read the environment again later, once undici has loaded.
 */
export function envProxies(env: Env = process.env): { httpProxy: string; httpsProxy: string } {
  return { httpProxy: envProxy(env, "http_proxy"), httpsProxy: envProxy(env, "https_proxy") };
}

/** As undici reads it: the lower-case variable whenever it is set, even empty; "" when unset. */
function envProxy(env: Env, lower: string): string {
  const name = env[lower] !== undefined ? lower : lower.toUpperCase();
  const value = env[name] ?? "";
  if (value) checkProxyUrl(value, name);
  return value;
}

/**
 * Throws a `TransportError` naming `source` unless undici can use `value` as a proxy URL. Never
 * echoes the value, which may carry a password, nor keeps Node's URL TypeError as a cause: its
 * `input` property is the whole URL. undici's own failures, met on the first request, did both.
 */
export function checkProxyUrl(value: string, source: string): void {
  const problem = proxyUrlProblem(value);
  if (problem) throw new TransportError("network", `the proxy in ${source} ${problem}; ${EXPECTED}`);
}

function proxyUrlProblem(value: string): string | undefined {
  // Without "scheme://" the URL parser reads `user:password@host` as scheme `user:`.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return "has no scheme";
  if (!URL.canParse(value)) return "is not a valid URL";
  const url = new URL(value);
  if (!SCHEMES.has(url.protocol)) return `uses ${url.protocol}//, which undici does not support`;
  // undici percent-decodes the credentials; a bad escape would fail every request as "URI malformed".
  if (!hasDecodableCredentials(url)) return "has credentials that are not valid percent-encoding";
  return undefined;
}
