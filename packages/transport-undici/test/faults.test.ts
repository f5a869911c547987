import { type AddressInfo, createServer, type Socket } from "node:net";
import { eventually, type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UndiciTransport } from "../src/index.js";

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

describe("UndiciTransport faults", () => {
  it("stops reading a body without content-length once it passes maxBodyBytes", async () => {
    const transport = new UndiciTransport({ maxBodyBytes: 25 });
    try {
      await expect(transport.send(get("/drip?chunks=5&ms=5"))).rejects.toMatchObject({
        code: "body-too-large",
      });
      expect((await transport.send(get("/empty"))).status).toBe(204);
    } finally {
      await transport.close();
    }
  });

  it("aborts a request still queued for a connection", async () => {
    const transport = new UndiciTransport({ connections: 1 });
    try {
      const blocker = transport.send(get("/hang")).catch((error: unknown) => error);
      const controller = new AbortController();
      const queued = transport.send(get("/empty"), { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      await expect(queued).rejects.toMatchObject({ code: "aborted" });
      await transport.close();
      await expect(blocker).resolves.toMatchObject({ code: "closed" });
    } finally {
      await transport.close();
    }
  });

  it.each([
    [undefined, 2],
    [2, 3],
  ])(
    "with pipelining %s, has written %i requests while a response is pending on its one connection",
    async (pipelining, written) => {
      // A TCP server that reads requests and never answers: it sees exactly what undici writes.
      let requestLines = 0;
      const held = new Set<Socket>();
      const silent = createServer((socket) => {
        held.add(socket);
        socket.on("data", (chunk: Buffer) => {
          const before = requestLines;
          requestLines += chunk.toString("latin1").split(" HTTP/1.1\r\n").length - 1;
          // The first request is answered; the second gets its headers but never its body. undici
          // pipelines a GET only once its headers arrived (its `blocking` default), so only then
          // can a third request follow on the same connection.
          if (before === 0) socket.write("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
          else if (before === 1) socket.write("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n");
        });
      });
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const base = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
      const transport = new UndiciTransport({ connections: 1, pipelining });
      try {
        await transport.send(get("/first", base));
        const attempts = [transport.send(get("/a", base)), transport.send(get("/b", base))];
        for (const attempt of attempts) attempt.catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 150));
        // Off by default: a stalled body must not hold requests already written behind it.
        expect(requestLines).toBe(written);
        expect(held.size).toBe(1);
      } finally {
        await transport.close();
        for (const socket of held) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    },
  );

  it("counts time queued for a connection toward requestTimeoutMs", async () => {
    const transport = new UndiciTransport({ connections: 1, requestTimeoutMs: 300 });
    try {
      const blocker = transport.send(get("/hang")).catch((error: unknown) => error);
      const started = Date.now();
      // Unqueued, this answer takes ~100 ms of the 300 ms allowed; only time spent queued behind
      // the hanging request can make it time out.
      await expect(transport.send(get("/drip?chunks=2&ms=100"))).rejects.toMatchObject({ code: "timeout" });
      expect(Date.now() - started).toBeLessThan(1_500);
      await blocker;
    } finally {
      await transport.close();
    }
  });

  it("serves 1 000 concurrent requests within its connection limit and leaks no socket", async () => {
    const own = await startLoopbackServer();
    const transport = new UndiciTransport({ connections: 20 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 1_000 }, (_, i) =>
          transport.send({ method: "POST", url: new URL("/echo", own.url), headers: {}, body: `#${i}` }),
        ),
      );
      for (const [i, response] of responses.entries()) {
        expect(new TextDecoder().decode(response.body)).toBe(`#${i}`);
      }
      expect(own.acceptedConnections()).toBeLessThanOrEqual(20);
      await transport.close();
      await eventually(() => expect(own.openConnections()).toBe(0));
    } finally {
      await transport.close();
      await own.close();
    }
  });

  it("closes a connection idle for keepAliveTimeoutMs", async () => {
    const own = await startLoopbackServer();
    const transport = new UndiciTransport({ keepAliveTimeoutMs: 50 });
    try {
      expect((await transport.send(get("/empty", own.url))).status).toBe(204);
      expect(own.openConnections()).toBe(1);
      await eventually(() => expect(own.openConnections()).toBe(0));
    } finally {
      await transport.close();
      await own.close();
    }
  });

  it("maps a connect timeout to code timeout with phase connect", async () => {
    // A TCP server that never answers the TLS ClientHello: only the connect timer can end it.
    const held = new Set<Socket>();
    const silent = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const transport = new UndiciTransport({ connectTimeoutMs: 100 });
    try {
      const attempt = transport.send({
        method: "GET",
        url: new URL(`https://127.0.0.1:${port}/`),
        headers: {},
      });
      await expect(attempt).rejects.toMatchObject({ code: "timeout", phase: "connect", timeoutMs: 100 });
    } finally {
      await transport.close();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
