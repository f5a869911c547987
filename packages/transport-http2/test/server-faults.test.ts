import { createServer, type Http2Session, type ServerHttp2Stream } from "node:http2";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { Http2Transport } from "../src/index.js";

/** An h2c server with the given SETTINGS whose streams `onStream` scripts. */
async function startH2c(
  settings: { maxConcurrentStreams?: number },
  onStream: (stream: ServerHttp2Stream) => void,
) {
  const sessions = new Set<Http2Session>();
  const h2c = createServer({ settings });
  h2c.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  h2c.on("stream", (stream) => {
    stream.on("error", () => {});
    onStream(stream);
  });
  await new Promise<void>((resolve) => h2c.listen(0, "127.0.0.1", resolve));
  return {
    url: new URL(`http://127.0.0.1:${(h2c.address() as AddressInfo).port}/`),
    close: () => {
      for (const session of sessions) session.destroy();
      return new Promise((resolve) => h2c.close(resolve));
    },
  };
}

const get = (url: URL) => ({ method: "GET", url, headers: {} });

describe("Http2Transport against the server's limits and faults", () => {
  it("keeps no more streams open than the server's SETTINGS_MAX_CONCURRENT_STREAMS", async () => {
    let open = 0;
    let peak = 0;
    const server = await startH2c({ maxConcurrentStreams: 3 }, (stream) => {
      peak = Math.max(peak, ++open);
      setTimeout(() => {
        open--;
        stream.respond({ ":status": 200 });
        stream.end("ok");
      }, 10);
    });
    const transport = new Http2Transport({ maxConcurrentStreams: 100 });
    try {
      const responses = await Promise.all(Array.from({ length: 30 }, () => transport.send(get(server.url))));
      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(peak).toBe(3);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("fails with connection-reset when the server drops the whole session mid-body", async () => {
    const server = await startH2c({}, (stream) => {
      stream.respond({ ":status": 200, "content-length": "1000" });
      stream.write(new Uint8Array(100));
      setTimeout(() => stream.session?.destroy(), 20);
    });
    const transport = new Http2Transport();
    try {
      await expect(transport.send(get(server.url))).rejects.toMatchObject({ code: "connection-reset" });
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("fails with connection-reset when the server ends the session with a GOAWAY error mid-body", async () => {
    const server = await startH2c({}, (stream) => {
      stream.respond({ ":status": 200 });
      stream.write(new Uint8Array(100));
      setTimeout(() => stream.session?.goaway(2 /* INTERNAL_ERROR */, 0), 20);
    });
    const transport = new Http2Transport({ requestTimeoutMs: 2_000 });
    try {
      await expect(transport.send(get(server.url))).rejects.toMatchObject({ code: "connection-reset" });
    } finally {
      await transport.close();
      await server.close();
    }
  });
});
