import { NoProxyList } from "./no-proxy.js";
import { parseProxyUrl } from "./proxy-url.js";

/** Where a transport's requests go: a proxy per target scheme, and the hosts that skip it. */
export interface ProxyPlan {
  http: URL | undefined;
  https: URL | undefined;
  noProxy: NoProxyList | undefined;
}

type Env = Record<string, string | undefined>;

/** The plan for `proxy` (a URL, `"env"` or `false`); `undefined` when nothing is ever proxied. */
export function proxyPlan(proxy: string | false, env: Env = process.env): ProxyPlan | undefined {
  if (proxy === false) return undefined;
  if (proxy !== "env") {
    // An explicit proxy carries everything, as botocore's `proxies` setting does: NO_PROXY is for the environment's.
    const url = parseProxyUrl(proxy, "the proxy option");
    return { http: url, https: url, noProxy: undefined };
  }
  const https = variable(env, "https_proxy");
  // A CGI server turns a request's "Proxy:" header into HTTP_PROXY (httpoxy, CVE-2016-5385), so
  // Python's urllib, and with it botocore, ignores the upper-case form there; so do we.
  const http = variable(env, "http_proxy", env.REQUEST_METHOD === undefined);
  if (!http && !https) return undefined;
  return {
    http: http ? parseProxyUrl(http.value, http.name) : undefined,
    https: https ? parseProxyUrl(https.value, https.name) : undefined,
    noProxy: new NoProxyList(variable(env, "no_proxy")?.value),
  };
}

/** The lower-case variable wins, then the upper-case one (curl and urllib); empty means unset. */
function variable(env: Env, lower: string, upperAllowed = true): { name: string; value: string } | undefined {
  const upper = lower.toUpperCase();
  if (env[lower]) return { name: lower, value: env[lower] };
  if (upperAllowed && env[upper]) return { name: upper, value: env[upper] };
  return undefined;
}
