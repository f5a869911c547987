import type { ClientHttp2Session } from "node:http2";

/**
 * Sends an HTTP/2 PING (RFC 9113 §6.7) and resolves true once its ACK arrives, or false if none
 * comes back within `timeoutMs` (or the session fails first). A connection that a NAT or load
 * balancer has silently dropped still accepts writes and never reports an error: only an answer
 * from the peer proves it is alive.
 */
export function answersPing(session: ClientHttp2Session, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const settle = (alive: boolean) => {
      clearTimeout(timer);
      resolve(alive);
    };
    try {
      // False when the peer has not acknowledged earlier PINGs (maxOutstandingPings): no news is bad news.
      if (!session.ping((error) => settle(error === null))) settle(false);
    } catch {
      settle(false); // the session was destroyed meanwhile
    }
  });
}
