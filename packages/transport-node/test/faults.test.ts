import type { Socket } from "node:net";
import {
  eventually,
  type LoopbackServer,
  startLoopbackServer,
  startSilentServer,
} from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeHttpTransport, type NodeHttpTransportOptions } from "../src/index.js";

import { type RawServer, startRawServer } from "./raw-server.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const get = (path: string, base: URL = server.url) => ({
  method: "GET",
  url: new URL(path, base),
  headers: {},
});
const transports: NodeHttpTransport[] = [];
const make = (options: NodeHttpTransportOptions = {}) => {
  const transport = new NodeHttpTransport({ proxy: false, ...options });
  transports.push(transport);
  return transport;
};
afterAll(() => Promise.all(transports.map((transport) => transport.close())));

describe("NodeHttpTransport pool and deadlines", () => {
  it("counts time queued behind a busy socket toward requestTimeoutMs", async () => {
    // Alone, either call takes ~400 ms of the 600 allowed; only the ~400 ms the second one
    // spends queued behind the first (maxSockets 1) can make it time out.
    const transport = make({ maxSockets: 1, requestTimeoutMs: 600 });
    const slow = get("/drip?chunks=5&ms=100");
    const events: string[] = [];
    const started = Date.now();
    const first = transport.send(slow).then(() => events.push("first ok"));
    const second = transport
      .send(slow)
      .catch((error: { code: string }) => events.push(`second ${error.code}`));
    await Promise.all([first, second]);
    expect(events).toEqual(["first ok", "second timeout"]);
    expect(Date.now() - started).toBeLessThan(600 + 1_000);
  });

  it("aborts a call queued for a socket, and never sends it", async () => {
    const transport = make({ maxSockets: 1 });
    const release = new AbortController();
    const blocker = transport.send(get("/hang"), { signal: release.signal }).catch(() => {});
    const controller = new AbortController();
    const before = server.requestsFor("/status/201");
    const queued = transport.send(get("/status/201"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(queued).rejects.toMatchObject({ code: "aborted" });
    release.abort();
    await blocker;
    // The socket the blocker freed serves the next call, not the aborted one.
    expect((await transport.send(get("/status/202"))).status).toBe(202);
    expect(server.requestsFor("/status/201")).toBe(before);
  });

  it("opens no more than maxSockets connections per origin under 300 concurrent calls", async () => {
    const own = await startLoopbackServer();
    try {
      const transport = make({ maxSockets: 4 });
      const responses = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          transport.send({ method: "POST", url: new URL("/echo", own.url), headers: {}, body: `#${i}` }),
        ),
      );
      for (const [i, response] of responses.entries()) {
        expect(new TextDecoder().decode(response.body)).toBe(`#${i}`);
      }
      expect(own.acceptedConnections()).toBeLessThanOrEqual(4);
    } finally {
      await own.close();
    }
  });

  it("closes a connection idle for keepAliveTimeoutMs", async () => {
    const own = await startLoopbackServer();
    try {
      const transport = make({ keepAliveTimeoutMs: 50 });
      expect((await transport.send(get("/empty", own.url))).status).toBe(204);
      expect(own.openConnections()).toBe(1);
      await eventually(() => expect(own.openConnections()).toBe(0));
    } finally {
      await own.close();
    }
  });

  /** Two calls in a row to a server answering with `keepAlive`; then `check` while it still runs. */
  async function twoCallsWith(
    keepAlive: string,
    check: (connections: number, raw: RawServer) => Promise<void>,
  ) {
    const sockets = new Set<Socket>();
    const raw = await startRawServer((socket) => {
      sockets.add(socket);
      socket.write(`HTTP/1.1 204 No Content\r\n${keepAlive}\r\n\r\n`);
    });
    try {
      const transport = make({ keepAliveTimeoutMs: 60_000 });
      await transport.send(get("/", raw.url));
      await transport.send(get("/", raw.url));
      await check(sockets.size, raw);
    } finally {
      await raw.close();
    }
  }

  it("reuses a connection, then closes it once idle 1 s less than the server's shorter Keep-Alive timeout", async () => {
    await twoCallsWith("Keep-Alive: timeout=2, max=100", async (connections, raw) => {
      expect(connections).toBe(1);
      // Closed after ~1 s idle; keepAliveTimeoutMs alone would keep it for a minute.
      await eventually(() => expect(raw.openConnections()).toBe(0), 4_000);
    });
  });

  it("does not reuse a connection whose server announces Keep-Alive: timeout=1", async () => {
    await twoCallsWith("keep-alive: timeout=1", async (connections) => expect(connections).toBe(2));
  });

  it("keeps a connection busy longer than keepAliveTimeoutMs, and closes it once idle that long", async () => {
    const own = await startLoopbackServer();
    try {
      const transport = make({ keepAliveTimeoutMs: 50 });
      expect((await transport.send(get("/empty", own.url))).status).toBe(204);
      // Reused at once, then silent for 3 × 100 ms between chunks: twice the idle timeout.
      expect((await transport.send(get("/drip?chunks=3&ms=100", own.url))).body.byteLength).toBe(30);
      expect(own.acceptedConnections()).toBe(1);
      await eventually(() => expect(own.openConnections()).toBe(0));
    } finally {
      await own.close();
    }
  });

  it("fails with code timeout, phase connect, when the TLS handshake never completes", async () => {
    const silent = await startSilentServer();
    try {
      const attempt = make({ connectTimeoutMs: 100 }).send(
        get("/", new URL(`https://127.0.0.1:${silent.port}`)),
      );
      await expect(attempt).rejects.toMatchObject({ code: "timeout", phase: "connect", timeoutMs: 100 });
      await eventually(() => expect(silent.openConnections()).toBe(0));
    } finally {
      await silent.close();
    }
  });

  it("does not apply the connect timeout to a request on an established connection", async () => {
    const transport = make({ connectTimeoutMs: 100 });
    expect((await transport.send(get("/drip?chunks=3&ms=100"))).body.byteLength).toBe(30);
  });
});

describe("NodeHttpTransport malformed responses", () => {
  it("reports a body that ends before its Content-Length as truncated-body, naming both lengths", async () => {
    const raw = await startRawServer((socket) => {
      socket.end("HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789");
    });
    try {
      await expect(make().send(get("/", raw.url))).rejects.toMatchObject({
        code: "truncated-body",
        message: `the response to ${raw.url.origin} ended early after 10 of 100 bytes`,
      });
    } finally {
      await raw.close();
    }
  });

  it("reports a chunked body cut off mid-stream as connection-reset", async () => {
    const raw = await startRawServer((socket) => {
      socket.end("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\na\r\n0123456789\r\n");
    });
    try {
      await expect(make().send(get("/", raw.url))).rejects.toMatchObject({ code: "connection-reset" });
    } finally {
      await raw.close();
    }
  });

  it("reports a connection closed before any response as connection-reset", async () => {
    const raw = await startRawServer((socket) => socket.destroy());
    try {
      await expect(make().send(get("/", raw.url))).rejects.toMatchObject({ code: "connection-reset" });
    } finally {
      await raw.close();
    }
  });

  it("reads a HEAD response whose Content-Length announces a body it never sends", async () => {
    const raw = await startRawServer((socket) => {
      socket.write("HTTP/1.1 200 OK\r\ncontent-length: 5000000\r\n\r\n");
    });
    try {
      const response = await make({ maxBodyBytes: 1024 }).send({ ...get("/", raw.url), method: "HEAD" });
      expect(response).toMatchObject({ status: 200, headers: { "content-length": "5000000" } });
      expect(response.body.byteLength).toBe(0);
    } finally {
      await raw.close();
    }
  });

  it("joins repeated headers that node:http would drop, and keeps names like constructor", async () => {
    const raw = await startRawServer((socket) => {
      socket.write(
        "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Type: text/plain\r\nConstructor: yes\r\ncontent-length: 0\r\n\r\n",
      );
    });
    try {
      const { headers } = await make().send(get("/", raw.url));
      expect(headers["content-type"]).toBe("text/xml, text/plain");
      expect(Object.hasOwn(headers, "constructor") && headers.constructor).toBe("yes");
    } finally {
      await raw.close();
    }
  });

  it("stops reading a body without Content-Length once it passes maxBodyBytes, and stays usable", async () => {
    const transport = make({ maxBodyBytes: 25 });
    await expect(transport.send(get("/drip?chunks=5&ms=5"))).rejects.toMatchObject({
      code: "body-too-large",
    });
    expect((await transport.send(get("/empty"))).status).toBe(204);
  });
});
