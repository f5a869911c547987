import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** What Node's `Agent#keepSocketAlive` passes to `setKeepAlive` by default (`keepAliveMsecs`). */
const TCP_KEEP_ALIVE_DELAY_MS = 1_000;
/** Node's margin under a server's `Keep-Alive: timeout=` hint (HTTP_AGENT_KEEP_ALIVE_TIMEOUT_BUFFER). */
const SERVER_HINT_MARGIN_MS = 1_000;

/**
 * `Agent#keepSocketAlive`: a connection going back to the pool gets TCP keep-alive, is
 * unreferenced (an idle pool never holds the process open) and is closed after `idleMs` idle,
 * or N − 1 s when the server's `Keep-Alive: timeout=N` is shorter; with N ≤ 1 s it is not
 * reused at all. All as Node's own agent does with its `timeout` option, except that the timer
 * runs only while the connection is in the pool (`reuseIdleSocket` stops it): Node's option also
 * arms it, and adds and removes a `timeout` listener, on every request, which cost several
 * percent of the calls per second at 64 concurrent calls. Returns whether to keep the connection.
 */
export function keepIdleSocket(socket: Socket, idleMs: number): boolean {
  const hinted = serverHintMs(socket);
  const keepMs = hinted === undefined ? idleMs : Math.min(idleMs, hinted - SERVER_HINT_MARGIN_MS);
  if (keepMs <= 0) return false;
  socket.setKeepAlive(true, TCP_KEEP_ALIVE_DELAY_MS);
  socket.unref();
  socket.setTimeout(keepMs);
  return true;
}

/** `Agent#reuseSocket`, after Node's (which refs the socket again): the idle timer stops. */
export function reuseIdleSocket(socket: Socket): void {
  socket.setTimeout(0);
}

/**
 * The `Keep-Alive: timeout=N` hint of the response just read on `socket`, in ms. Read from the
 * raw headers: Node's `headers` object would be built for this alone on every reuse.
 */
function serverHintMs(socket: Socket): number | undefined {
  // Node's agent reads the response the same way (socket._httpMessage.res).
  const message = (socket as { _httpMessage?: { res?: IncomingMessage | null } | null })._httpMessage;
  const raw = message?.res?.rawHeaders;
  if (!raw) return undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.length !== 10 || raw[i]!.toLowerCase() !== "keep-alive") continue;
    const seconds = /^timeout=(\d+)/.exec(raw[i + 1]!)?.[1];
    return seconds === undefined ? undefined : Number(seconds) * 1_000;
  }
  return undefined;
}
