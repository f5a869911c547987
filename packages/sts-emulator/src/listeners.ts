import * as http from "node:http";
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { StsEmulatorError } from "./errors.js";
import type { ReceivedRequest, Reply } from "./reply.js";

export type Handle = (request: ReceivedRequest) => Reply;

/** A started server: its base URL and a close that also drops hanging requests. */
export interface Listener {
  url: URL;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function collect(stream: NodeJS.ReadableStream, done: (body: Uint8Array) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  stream.on("end", () => done(Buffer.concat(chunks)));
}

function plainHeaders(raw: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith(":") || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

/** HTTP/1.1 keeps header case on the wire: spell the request id header as STS does. */
function stsCasing(headers: Record<string, string>): Record<string, string> {
  const { "x-amzn-requestid": requestId, ...rest } = headers;
  return requestId === undefined ? rest : { ...rest, "x-amzn-RequestId": requestId };
}

/** Where a listener binds: a host name or address, and a port (0 for any free one). */
export interface Bind {
  host: string;
  port: number;
}

function listen(
  server: http.Server | http2.Http2Server | http2.Http2SecureServer,
  bind: Bind,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const why = error.code === "EADDRINUSE" ? "the port is in use" : error.message;
      const message = `Cannot listen on ${bind.host}:${bind.port}: ${why}.`;
      reject(new StsEmulatorError("listen-failed", message, { cause: error }));
    });
    server.listen(bind.port, bind.host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** The URL a client on this machine uses: a wildcard bind is reached on loopback. */
export function baseUrl(scheme: "http" | "https", host: string, port: number): URL {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return new URL(`${scheme}://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}/`);
}

/** Plain HTTP/1.1. */
export async function startHttp1(handle: Handle, bind: Bind): Promise<Listener> {
  const server = http.createServer((req, res) => {
    collect(req, (body) => {
      const headers = plainHeaders(req.headers);
      const url = new URL(req.url ?? "/", `http://${headers.host ?? "127.0.0.1"}`);
      const reply = handle({ method: req.method ?? "GET", url, headers, body, protocol: "http/1.1" });
      if (reply.kind === "reset") req.socket.destroy();
      else if (reply.kind === "response")
        res.writeHead(reply.status, stsCasing(reply.headers)).end(reply.body);
    });
  });
  server.keepAliveTimeout = 5_000;
  const bound = await listen(server, bind);
  return {
    url: baseUrl("http", bind.host, bound),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** HTTP/2 over TLS with the given key and certificate, or cleartext (h2c). */
export async function startHttp2(
  handle: Handle,
  bind: Bind,
  tls?: { key: string; cert: string },
): Promise<Listener> {
  const server = tls ? http2.createSecureServer({ key: tls.key, cert: tls.cert }) : http2.createServer();
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  server.on("stream", (stream, raw) => {
    collect(stream, (body) => {
      const headers = plainHeaders(raw);
      const authority = raw[":authority"] ?? headers.host ?? "127.0.0.1";
      headers.host ??= authority;
      const url = new URL(raw[":path"] ?? "/", `${tls ? "https" : "http"}://${authority}`);
      const reply = handle({ method: raw[":method"] ?? "GET", url, headers, body, protocol: "h2" });
      // A reset drops the whole connection, as a TCP reset would.
      if (reply.kind === "reset") stream.session?.destroy();
      else if (reply.kind === "response" && !stream.destroyed) {
        stream.respond({ ":status": reply.status, ...reply.headers });
        stream.end(reply.body);
      }
    });
  });
  const bound = await listen(server, bind);
  return {
    url: baseUrl(tls ? "https" : "http", bind.host, bound),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  };
}
