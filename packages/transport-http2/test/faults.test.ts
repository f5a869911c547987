import { constants, createServer, type Http2Session, type ServerHttp2Stream } from "node:http2";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import { eventually, type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { Http2Transport } from "../src/index.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ kind: "h2c" });
});
afterAll(() => server.close());

const get = (path: string, base: URL = server.url) => ({
  method: "GET",
  url: new URL(path, base),
  headers: {},
});
const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe("Http2Transport sessions", () => {
  it("multiplexes concurrent requests on one session per origin", async () => {
    const transport = new Http2Transport();
    try {
      const before = server.acceptedConnections();
      const ids = await Promise.all(
        Array.from({ length: 20 }, () => transport.send(get("/connection-id")).then((r) => text(r.body))),
      );
      expect(new Set(ids).size).toBe(1);
      expect(server.acceptedConnections()).toBe(before + 1);
    } finally {
      await transport.close();
    }
  });

  it("serves 1 000 concurrent requests on one session and leaks no socket", async () => {
    const own = await startLoopbackServer({ kind: "h2c" });
    const transport = new Http2Transport();
    try {
      const responses = await Promise.all(
        Array.from({ length: 1_000 }, (_, i) =>
          transport.send({ method: "POST", url: new URL("/echo", own.url), headers: {}, body: `#${i}` }),
        ),
      );
      for (const [i, response] of responses.entries()) expect(text(response.body)).toBe(`#${i}`);
      expect(own.acceptedConnections()).toBe(1);
      await transport.close();
      await eventually(() => expect(own.openConnections()).toBe(0));
    } finally {
      await own.close();
    }
  });

  it("queues requests beyond maxConcurrentStreams and counts the wait toward requestTimeoutMs", async () => {
    const transport = new Http2Transport({ maxConcurrentStreams: 2, requestTimeoutMs: 300 });
    try {
      const hanging = [transport.send(get("/hang")), transport.send(get("/hang"))].map((attempt) =>
        attempt.then(undefined, (error: unknown) => error),
      );
      const started = Date.now();
      // Unqueued, this answer takes ~100 ms of the 300 ms allowed; only time spent queued behind
      // the two hanging streams can make it time out.
      await expect(transport.send(get("/drip?chunks=2&ms=100"))).rejects.toMatchObject({ code: "timeout" });
      expect(Date.now() - started).toBeLessThan(1_500);
      for (const attempt of hanging) await expect(attempt).resolves.toMatchObject({ code: "timeout" });
    } finally {
      await transport.close();
    }
  });

  it("aborts a queued request and frees the slot for the next one", async () => {
    const transport = new Http2Transport({ maxConcurrentStreams: 1 });
    try {
      const first = new AbortController();
      const hanging = transport
        .send(get("/hang"), { signal: first.signal })
        .then(undefined, (e: unknown) => e);
      const queued = new AbortController();
      const waiting = transport.send(get("/empty"), { signal: queued.signal });
      setTimeout(() => queued.abort(), 20);
      await expect(waiting).rejects.toMatchObject({ code: "aborted" });
      first.abort();
      await expect(hanging).resolves.toMatchObject({ code: "aborted" });
      expect((await transport.send(get("/empty"))).status).toBe(204);
    } finally {
      await transport.close();
    }
  });

  it("closes a session idle for idleTimeoutMs and opens a new one when needed", async () => {
    const own = await startLoopbackServer({ kind: "h2c" });
    const transport = new Http2Transport({ idleTimeoutMs: 50 });
    try {
      expect((await transport.send(get("/empty", own.url))).status).toBe(204);
      await eventually(() => expect(own.openConnections()).toBe(0));
      expect((await transport.send(get("/empty", own.url))).status).toBe(204);
      expect(own.acceptedConnections()).toBe(2);
    } finally {
      await transport.close();
      await own.close();
    }
  });

  it("opens a new session after the server sends GOAWAY", async () => {
    const sessions: Http2Session[] = [];
    const goaway = createServer();
    goaway.on("session", (session) => sessions.push(session));
    goaway.on("stream", (stream) => {
      const index = sessions.indexOf(stream.session as Http2Session);
      // GOAWAY naming this stream as the last one: it completes, later ones need a new session.
      stream.session?.goaway(0, stream.id);
      stream.respond({ ":status": 200 });
      stream.end(String(index));
    });
    await new Promise<void>((resolve) => goaway.listen(0, "127.0.0.1", resolve));
    const base = new URL(`http://127.0.0.1:${(goaway.address() as AddressInfo).port}`);
    const transport = new Http2Transport();
    try {
      const bodies: string[] = [];
      for (let i = 0; i < 3; i++) bodies.push(text((await transport.send(get("/", base))).body));
      expect(bodies).toEqual(["0", "1", "2"]);
    } finally {
      await transport.close();
      for (const session of sessions) session.destroy();
      await new Promise((resolve) => goaway.close(resolve));
    }
  });
});

describe("Http2Transport unprocessed requests (RFC 9113 §8.7)", () => {
  async function startScriptedServer(onStream: (stream: ServerHttp2Stream, index: number) => void) {
    const sessions: Http2Session[] = [];
    const h2c = createServer();
    let streams = 0;
    h2c.on("session", (session) => sessions.push(session));
    h2c.on("stream", (stream) => {
      stream.on("error", () => {});
      onStream(stream, streams++);
    });
    await new Promise<void>((resolve) => h2c.listen(0, "127.0.0.1", resolve));
    return {
      url: new URL(`http://127.0.0.1:${(h2c.address() as AddressInfo).port}`),
      sessions: () => sessions.length,
      close: () => {
        for (const session of sessions) session.destroy();
        return new Promise((resolve) => h2c.close(resolve));
      },
    };
  }
  const answer = (stream: ServerHttp2Stream) => {
    stream.respond({ ":status": 200 });
    stream.end("answered");
  };

  it("sends a refused stream again", async () => {
    const scripted = await startScriptedServer((stream, index) => {
      if (index === 0) stream.close(constants.NGHTTP2_REFUSED_STREAM);
      else answer(stream);
    });
    const transport = new Http2Transport({ requestTimeoutMs: 2_000 });
    try {
      expect(text((await transport.send(get("/", scripted.url))).body)).toBe("answered");
    } finally {
      await transport.close();
      await scripted.close();
    }
  });

  it("sends a stream above the GOAWAY last-stream-id again on a new session", async () => {
    let first: unknown;
    const scripted = await startScriptedServer((stream) => {
      first ??= stream.session;
      if (stream.session !== first) return answer(stream);
      // The first stream is the last one this session processes; a later one is left unanswered.
      if (stream.id === 1) {
        stream.session?.goaway(constants.NGHTTP2_NO_ERROR, 1);
        answer(stream);
      }
    });
    const transport = new Http2Transport({ requestTimeoutMs: 2_000 });
    try {
      const [one, two] = await Promise.all([
        transport.send(get("/", scripted.url)),
        transport.send(get("/", scripted.url)),
      ]);
      expect([text(one.body), text(two.body)]).toEqual(["answered", "answered"]);
      expect(scripted.sessions()).toBe(2);
    } finally {
      await transport.close();
      await scripted.close();
    }
  });
});

/** A TCP server that accepts and never speaks: TLS and the HTTP/2 preface never complete. */
async function startSilentServer(): Promise<{ url: URL; close(): Promise<void> }> {
  const held = new Set<Socket>();
  const silent = createNetServer((socket) => held.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const url = new URL(`https://127.0.0.1:${(silent.address() as AddressInfo).port}`);
  return {
    url,
    close: () => {
      for (const socket of held) socket.destroy();
      return new Promise((resolve) => silent.close(() => resolve()));
    },
  };
}

describe("Http2Transport errors", () => {
  it("stops reading a body without content-length once it passes maxBodyBytes, keeping the session", async () => {
    const transport = new Http2Transport({ maxBodyBytes: 25 });
    try {
      const before = server.acceptedConnections();
      await expect(transport.send(get("/drip?chunks=5&ms=5"))).rejects.toMatchObject({
        code: "body-too-large",
      });
      expect((await transport.send(get("/empty"))).status).toBe(204);
      expect(server.acceptedConnections()).toBe(before + 1);
    } finally {
      await transport.close();
    }
  });

  it("fails with a connect timeout when the session never opens", async () => {
    const silent = await startSilentServer();
    const transport = new Http2Transport({ connectTimeoutMs: 100 });
    try {
      await expect(transport.send(get("/", silent.url))).rejects.toMatchObject({
        code: "timeout",
        phase: "connect",
        timeoutMs: 100,
      });
    } finally {
      await transport.close();
      await silent.close();
    }
  });

  it("settles at requestTimeoutMs even while the session is still connecting", async () => {
    const silent = await startSilentServer();
    const transport = new Http2Transport({ connectTimeoutMs: 5_000, requestTimeoutMs: 150 });
    try {
      const started = Date.now();
      await expect(transport.send(get("/", silent.url))).rejects.toMatchObject({
        code: "timeout",
        phase: "request",
      });
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await transport.close();
      await silent.close();
    }
  });

  it("fails with code tls when the certificate is not trusted", async () => {
    const tls = await loopbackCertificate();
    const secure = await startLoopbackServer({ kind: "h2", tls });
    const transport = new Http2Transport();
    try {
      await expect(transport.send(get("/empty", secure.url))).rejects.toMatchObject({ code: "tls" });
    } finally {
      await transport.close();
      await secure.close();
    }
  });

  it("connects to an untrusted certificate when rejectUnauthorized is false", async () => {
    const secure = await startLoopbackServer({ kind: "h2", tls: await loopbackCertificate() });
    const transport = new Http2Transport({ tls: { rejectUnauthorized: false } });
    try {
      expect((await transport.send(get("/empty", secure.url))).status).toBe(204);
    } finally {
      await transport.close();
      await secure.close();
    }
  });

  it("rejects later sends with code closed and lets queued requests fail with code closed", async () => {
    const transport = new Http2Transport({ maxConcurrentStreams: 1 });
    const hanging = transport.send(get("/hang")).then(undefined, (e: unknown) => e);
    const queued = transport.send(get("/empty")).then(undefined, (e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await transport.close();
    await expect(hanging).resolves.toMatchObject({ code: "closed" });
    await expect(queued).resolves.toMatchObject({ code: "closed" });
    await expect(transport.send(get("/empty"))).rejects.toMatchObject({ code: "closed" });
  });
});
