import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from "node:http";
import {
  createServer as createH2cServer,
  createSecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  constants as http2Constants,
} from "node:http2";
import type { AddressInfo, Socket } from "node:net";

export type LoopbackKind = "http1" | "h2c" | "h2";

export interface LoopbackServerOptions {
  kind?: LoopbackKind;
  /** PEM certificate and key, required for kind `h2` (HTTP/2 over TLS with ALPN). */
  tls?: { cert: string; key: string };
}

/**
 * A loopback server whose routes exercise everything a transport must get right.
 * It counts connections so tests can prove keep-alive reuse and that `close()` leaks nothing.
 *
 *   POST|PUT /echo           echoes the body; request headers come back as JSON in `x-request-headers`
 *   GET /status/:code        answers that status with a small body
 *   GET /headers             mixed-case and repeated response headers
 *   GET /bytes?n=N           N bytes of a repeating 0..255 pattern
 *   GET /hang                never answers
 *   GET /drip?chunks=N&ms=M  N chunks, M ms apart
 *   GET /reset-mid-body      announces 1000 bytes, sends 100, then drops the connection
 *   GET /connection-id       an id of the connection that carried the request
 *   GET /empty               204, no body
 */
export interface LoopbackServer {
  readonly url: URL;
  readonly kind: LoopbackKind;
  /** Connections currently open. */
  openConnections(): number;
  /** Connections accepted since start. */
  acceptedConnections(): number;
  /** Requests received since start, by path. */
  requestsFor(path: string): number;
  close(): Promise<void>;
}

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;

export async function startLoopbackServer(options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const kind = options.kind ?? "http1";
  const sockets = new Set<Socket>();
  const socketIds = new WeakMap<object, number>();
  const requestCounts = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let accepted = 0;

  const handler = (req: AnyRequest, res: AnyResponse) => {
    const url = new URL(req.url ?? "/", "http://loopback");
    requestCounts.set(url.pathname, (requestCounts.get(url.pathname) ?? 0) + 1);
    route(req, res, url, { socketIds, timers }).catch(() => res.destroy());
  };

  const server =
    kind === "http1"
      ? createHttp1Server({ keepAliveTimeout: 30_000 }, handler)
      : kind === "h2c"
        ? createH2cServer({}, handler)
        : createSecureServer({ ...requireTls(options.tls), allowHTTP1: false }, handler);

  const onConnection = (socket: Socket) => {
    accepted++;
    socketIds.set(socket, accepted);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  server.on(kind === "h2" ? "secureConnection" : "connection", onConnection);

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = kind === "h2" ? "https" : "http";

  return {
    url: new URL(`${scheme}://127.0.0.1:${port}`),
    kind,
    openConnections: () => sockets.size,
    acceptedConnections: () => accepted,
    requestsFor: (path) => requestCounts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function requireTls(tls: LoopbackServerOptions["tls"]): { cert: string; key: string } {
  if (!tls) throw new Error("startLoopbackServer: kind 'h2' needs options.tls { cert, key }");
  return tls;
}

interface RouteContext {
  socketIds: WeakMap<object, number>;
  timers: Set<ReturnType<typeof setTimeout>>;
}

async function route(req: AnyRequest, res: AnyResponse, url: URL, ctx: RouteContext): Promise<void> {
  const send = (status: number, headers: Record<string, string | string[]>, body?: Uint8Array | string) => {
    const http1 = res as ServerResponse;
    http1.writeHead(status, headers);
    http1.end(body);
  };
  const path = url.pathname;
  if (path === "/echo") {
    const body = await readAll(req);
    const requestHeaders = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !name.startsWith(":")),
    );
    return send(
      200,
      {
        "content-type": "application/octet-stream",
        "x-method": req.method ?? "",
        "x-request-headers": JSON.stringify(requestHeaders),
      },
      body,
    );
  }
  if (path.startsWith("/status/")) {
    const status = Number(path.slice("/status/".length));
    return send(status, { "content-type": "text/plain" }, `status ${status}`);
  }
  if (path === "/headers") {
    return send(
      200,
      { "X-Mixed-Case": "Yes", "x-repeated": ["one", "two"], "content-type": "text/plain" },
      "ok",
    );
  }
  if (path === "/bytes")
    return send(200, { "content-type": "application/octet-stream" }, pattern(num(url, "n")));
  if (path === "/hang") return; // never answers; closed when the client gives up or the server stops
  if (path === "/drip") return drip(res, num(url, "chunks"), num(url, "ms"), ctx);
  if (path === "/reset-mid-body") {
    const http1 = res as ServerResponse;
    http1.writeHead(200, { "content-length": "1000" });
    http1.write(pattern(100));
    const timer = setTimeout(() => resetConnection(req, res), 20);
    ctx.timers.add(timer);
    return;
  }
  if (path === "/connection-id") {
    const carrier = "stream" in req && req.stream ? req.stream.session?.socket : req.socket;
    return send(200, { "content-type": "text/plain" }, String(ctx.socketIds.get(carrier as object) ?? -1));
  }
  if (path === "/empty") return send(204, {});
  // The Content-Length of a HEAD answer or a 304 describes the body a GET would get; none follows.
  if (path === "/length-without-body") {
    return send(req.method === "HEAD" ? 200 : 304, { "content-length": "5", etag: '"v1"' });
  }
  send(404, { "content-type": "text/plain" }, `no route ${path}`);
}

function drip(res: AnyResponse, chunks: number, ms: number, ctx: RouteContext): void {
  const http1 = res as ServerResponse;
  http1.writeHead(200, { "content-type": "application/octet-stream" });
  let sent = 0;
  const tick = () => {
    if (http1.destroyed) return;
    http1.write(pattern(10));
    if (++sent >= chunks) return void http1.end();
    const timer = setTimeout(tick, ms);
    ctx.timers.add(timer);
  };
  tick();
}

function resetConnection(req: AnyRequest, res: AnyResponse): void {
  if ("stream" in req && req.stream) {
    // HTTP/2: a reset stream is the protocol's way of dropping one response mid-body.
    req.stream.close(http2Constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  (res as ServerResponse).socket?.resetAndDestroy?.();
  res.destroy();
}

function num(url: URL, name: string): number {
  return Number(url.searchParams.get(name) ?? "0");
}

/** Bytes 0..255 repeating: every byte value appears, so encoding bugs show. */
export function pattern(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = i % 256;
  return bytes;
}

async function readAll(req: AnyRequest): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
