import { createServer, type Http2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { eventually, type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { Http2Transport, type Http2TransportOptions } from "../src/index.js";
import { type BlackHoleRelay, startBlackHoleRelay } from "./black-hole-relay.js";

const tls = await loopbackCertificate();
const get = (path: string, base: URL) => ({ method: "GET", url: new URL(path, base), headers: {} });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Calls that must succeed get far more time than any of them needs, even on a busy machine; only
// the timeout under test is short, and only a silenced connection can make a call reach it.
const GENEROUS_MS = 60_000;

describe.each(["h2c", "h2"] as const)("Http2Transport when its connection goes silent (%s)", (kind) => {
  let server: LoopbackServer;
  let relay: BlackHoleRelay;
  const transports: Http2Transport[] = [];
  const make = (options: Http2TransportOptions) => {
    const transport = new Http2Transport({ ...options, tls: { ca: tls.cert } });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    server = await startLoopbackServer({ kind, tls });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    relay = await startBlackHoleRelay(server.url);
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((transport) => transport.close()));
    await relay.close();
  });

  it("retires the session a request timed out on: the next call succeeds on a new connection", async () => {
    const transport = make({ requestTimeoutMs: 1_500 });
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    relay.blackHole();
    await expect(transport.send(get("/empty", relay.url))).rejects.toMatchObject({ code: "timeout" });
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    expect(relay.acceptedConnections()).toBe(2);
  });

  it("closes the retired session's socket once its streams have ended", async () => {
    const transport = make({ requestTimeoutMs: 1_500 });
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    relay.blackHole();
    await expect(transport.send(get("/empty", relay.url))).rejects.toMatchObject({ code: "timeout" });
    await eventually(() => expect(relay.silentClosedByClient()).toBe(1), 10_000);
  }, 20_000);

  it("moves a request queued on the silent session to a new connection once the stream ahead times out", async () => {
    const transport = make({ requestTimeoutMs: 3_000, maxConcurrentStreams: 1 });
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    relay.blackHole();
    const stuck = transport.send(get("/empty", relay.url));
    await sleep(1_500);
    // Queued behind the stuck stream with half its time left when that one times out: it must
    // spend it on a new connection, not on the silent one.
    const queued = transport.send(get("/empty", relay.url));
    await expect(stuck).rejects.toMatchObject({ code: "timeout" });
    expect((await queued).status).toBe(204);
    expect(relay.acceptedConnections()).toBe(2);
  }, 20_000);

  it("checks a session idle past pingAfterIdleMs with a PING and reconnects when none comes back", async () => {
    const transport = make({ requestTimeoutMs: GENEROUS_MS, pingAfterIdleMs: 200, pingTimeoutMs: 300 });
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    relay.blackHole();
    await sleep(400);
    // Without the PING this call would wait out its whole request timeout on the dead connection.
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    expect(relay.acceptedConnections()).toBe(2);
  }, 20_000);

  it("keeps using an idle session whose PING comes back", async () => {
    const transport = make({ requestTimeoutMs: GENEROUS_MS, pingAfterIdleMs: 100, pingTimeoutMs: 10_000 });
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    await sleep(300);
    expect((await transport.send(get("/empty", relay.url))).status).toBe(204);
    expect(relay.acceptedConnections()).toBe(1);
  });
});

describe("Http2Transport PINGs", () => {
  /** An h2c server that answers every request with 204 and counts the PINGs it receives. */
  async function startPingCounter() {
    const sessions = new Set<Http2Session>();
    let pings = 0;
    const h2c = createServer();
    h2c.on("session", (session) => {
      sessions.add(session);
      session.on("ping", () => pings++);
    });
    h2c.on("stream", (stream) => stream.respond({ ":status": 204 }, { endStream: true }));
    await new Promise<void>((resolve) => h2c.listen(0, "127.0.0.1", resolve));
    return {
      url: new URL(`http://127.0.0.1:${(h2c.address() as AddressInfo).port}`),
      pings: () => pings,
      sessions: () => sessions.size,
      close: () => {
        for (const session of sessions) session.destroy();
        return new Promise((resolve) => h2c.close(resolve));
      },
    };
  }

  it("sends none on a session in steady use", async () => {
    const counter = await startPingCounter();
    const transport = new Http2Transport({ requestTimeoutMs: GENEROUS_MS });
    try {
      for (let i = 0; i < 50; i++) await transport.send(get("/", counter.url));
      await Promise.all(Array.from({ length: 50 }, () => transport.send(get("/", counter.url))));
      expect(counter.pings()).toBe(0);
    } finally {
      await transport.close();
      await counter.close();
    }
  });

  it("sends one before reusing a session idle past pingAfterIdleMs, however many calls wait on it", async () => {
    const counter = await startPingCounter();
    const transport = new Http2Transport({ requestTimeoutMs: GENEROUS_MS, pingAfterIdleMs: 100 });
    try {
      await transport.send(get("/", counter.url));
      await sleep(300);
      await Promise.all(Array.from({ length: 5 }, () => transport.send(get("/", counter.url))));
      expect(counter.pings()).toBe(1);
      expect(counter.sessions()).toBe(1);
    } finally {
      await transport.close();
      await counter.close();
    }
  });
});
