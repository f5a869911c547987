import type { Duplex } from "node:stream";
import { findCause } from "@lanyard/http";

/**
 * The reason a connection attempt is destroyed when `connectTimeoutMs` passes. The transport
 * finds it in the error's cause chain and reports a `TimeoutError` with phase `connect`.
 */
export class ConnectTimeoutSignal extends Error {
  override name = "ConnectTimeoutSignal";
  constructor(readonly timeoutMs: number) {
    super(`no connection after ${timeoutMs} ms`);
  }
}

/**
 * Destroys `socket` unless it is ready within `timeoutMs`: connected for plain TCP, handshake
 * done for TLS (`secureConnect`). Node's own socket timeout is an idle timer that keeps running
 * after connect, so it cannot bound the connect phase alone.
 */
export function armConnectTimeout(socket: Duplex, timeoutMs: number, secure: boolean): void {
  const timer = setTimeout(() => socket.destroy(new ConnectTimeoutSignal(timeoutMs)), timeoutMs);
  const disarm = () => clearTimeout(timer);
  socket.once(secure ? "secureConnect" : "connect", disarm);
  socket.once("close", disarm);
}

/** The connect timeout behind `error`, if that is what ended the attempt. */
export function connectTimeoutIn(error: unknown): ConnectTimeoutSignal | undefined {
  return findCause(error, (candidate) => candidate instanceof ConnectTimeoutSignal);
}
