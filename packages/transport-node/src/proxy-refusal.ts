import { findCause, TransportError } from "@lanyard/http";

/**
 * The proxy answered a tunnel request (CONNECT) with something other than 200, or a proxied
 * plain-HTTP request with 407. Carried as an error's cause until the transport, which knows the
 * target's origin, turns it into a `TransportError` (code `network`). The reason phrase is the
 * proxy's own text: kept as `statusText`, never put into a message.
 */
export class ProxyRefusalSignal extends Error {
  override name = "ProxyRefusalSignal";
  constructor(
    readonly proxy: string,
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`the proxy ${proxy} answered ${status}`);
  }
}

/** Why the proxy would not carry the request; names the proxy without its credentials. */
export function proxyRefusal(signal: ProxyRefusalSignal, origin: string): TransportError {
  const hint =
    signal.status === 407
      ? "; the proxy wants credentials: put them in the proxy URL (http://user:password@host:port)"
      : "";
  return new TransportError(
    "network",
    `the proxy ${signal.proxy} refused the request to ${origin} with ${signal.status}${hint}`,
    { origin, cause: signal },
  );
}

export function proxyRefusalIn(error: unknown): ProxyRefusalSignal | undefined {
  return findCause(error, (candidate) => candidate instanceof ProxyRefusalSignal);
}
