import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from "node:net";

export interface LoopbackProxyOptions {
  /** `user:password` the proxy demands in `Proxy-Authorization: Basic …`; none when undefined. */
  credentials?: string;
}

/**
 * A forward proxy on 127.0.0.1 for testing a transport's proxy support: CONNECT tunnels for https
 * targets, absolute-URI forwarding for http ones, optional Basic authentication (answered with 407),
 * and counts of what it carried.
 */
export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  readonly url: string;
  readonly port: number;
  /** CONNECT requests received (answered or refused). */
  connects(): number;
  /** Plain-HTTP requests received for forwarding (answered or refused). */
  forwards(): number;
  /** Client connections open right now. */
  openConnections(): number;
  close(): Promise<void>;
}

/** Starts a {@link LoopbackProxy}; close it when done. */
export async function startLoopbackProxy(options: LoopbackProxyOptions = {}): Promise<LoopbackProxy> {
  let connects = 0;
  let forwards = 0;
  const clients = new Set<Socket>();
  const upstreams = new Set<Socket>();
  const expected = options.credentials && `Basic ${Buffer.from(options.credentials).toString("base64")}`;
  const authorized = (req: IncomingMessage) => !expected || req.headers["proxy-authorization"] === expected;

  const server = createServer((req, res) => {
    forwards++;
    if (!authorized(req)) {
      res.writeHead(407, { "proxy-authenticate": 'Basic realm="loopback"', "content-length": "0" });
      return void res.end();
    }
    const { "proxy-authorization": _, "proxy-connection": __, ...headers } = req.headers;
    const upstream = httpRequest(req.url ?? "", { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (socket: Socket) => {
    clients.add(socket);
    socket.on("close", () => clients.delete(socket));
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects++;
    if (!authorized(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="loopback"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const target = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      target.write(head);
      target.pipe(client);
      client.pipe(target);
    });
    upstreams.add(target);
    target.on("close", () => {
      upstreams.delete(target);
      client.destroy();
    });
    target.on("error", () => client.destroy());
    client.on("error", () => target.destroy());
    client.on("close", () => target.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects: () => connects,
    forwards: () => forwards,
    openConnections: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of [...clients, ...upstreams]) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server on 127.0.0.1 that accepts connections and never says a word: only a timeout ends them. */
export interface SilentServer {
  readonly port: number;
  /** Connections open right now (it reads and discards, so it notices a client hanging up). */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const held = new Set<Socket>();
  const server = createNetServer((socket) => {
    held.add(socket);
    // Reading (and discarding) is what lets it notice the client hang up.
    socket.resume();
    socket.on("error", () => {});
    socket.on("close", () => held.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    openConnections: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
