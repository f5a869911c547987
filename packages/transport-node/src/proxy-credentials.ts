/** A proxy as the proxy packages take it: the URL without its credentials, and those as a header. */
export interface ProxyAddress {
  href: string;
  headers: Record<string, string>;
}

/**
 * Splits the credentials out of a proxy URL. https-proxy-agent and http-proxy-agent log the URL
 * they are given (DEBUG=https-proxy-agent) and keep it on the agent; a `Proxy-Authorization`
 * header they send as is, so the password never travels inside a URL. `parseProxyUrl` has
 * checked that the credentials decode.
 */
export function proxyAddress(proxy: URL): ProxyAddress {
  if (!proxy.username && !proxy.password) return { href: proxy.href, headers: {} };
  const bare = new URL(proxy.href);
  bare.username = "";
  bare.password = "";
  // As the proxy packages do it themselves: UTF-8, each part percent-decoded.
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return {
    href: bare.href,
    headers: { "Proxy-Authorization": `Basic ${Buffer.from(credentials).toString("base64")}` },
  };
}
