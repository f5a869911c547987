import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchTransport, isForbiddenHeader } from "../src/index.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const text = (body: Uint8Array) => new TextDecoder().decode(body);
const srcDir = new URL("../src/", import.meta.url);

describe("FetchTransport", () => {
  it("stops reading a body without content-length once it passes maxBodyBytes", async () => {
    const transport = new FetchTransport({ maxBodyBytes: 25 });
    const get = (path: string) => ({ method: "GET", url: new URL(path, server.url), headers: {} });
    await expect(transport.send(get("/drip?chunks=5&ms=5"))).rejects.toMatchObject({
      code: "body-too-large",
    });
    expect((await transport.send(get("/empty"))).status).toBe(204);
  });

  it("compares a Content-Length with the bytes that arrive only for a body sent unencoded", async () => {
    const { createServer } = await import("node:http");
    // A tiny body grows when gzipped, so its decoded bytes are fewer than its Content-Length.
    const gzipped = gzipSync("ok");
    const local = createServer((req, res) => {
      if (req.url === "/gzip") {
        res.writeHead(200, { "content-encoding": "gzip", "content-length": String(gzipped.length) });
        res.end(gzipped);
      } else {
        res.writeHead(200, { "content-length": "10" });
        res.socket?.end("ok");
        res.socket?.destroy();
      }
    });
    await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
    const port = (local.address() as { port: number }).port;
    const get = (path: string) => ({
      method: "GET",
      url: new URL(`http://127.0.0.1:${port}${path}`),
      headers: {},
    });
    try {
      const transport = new FetchTransport();
      expect(gzipped.length).toBeGreaterThan(2);
      expect(text((await transport.send(get("/gzip"))).body)).toBe("ok");
      await expect(transport.send(get("/short"))).rejects.toBeDefined();
    } finally {
      local.closeAllConnections();
      local.close();
    }
  });

  it("drops headers browsers forbid and sends the rest", async () => {
    const response = await new FetchTransport().send({
      method: "POST",
      url: new URL("/echo", server.url),
      headers: {
        Host: server.url.host,
        "Content-Length": "2",
        Connection: "keep-alive",
        "X-Amz-Date": "20150830T123600Z",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "ok",
    });
    const sent = JSON.parse(response.headers["x-request-headers"] ?? "{}");
    expect(sent["x-amz-date"]).toBe("20150830T123600Z");
    expect(sent["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(sent.host).toBe(server.url.host);
    expect(text(response.body)).toBe("ok");
  });

  it("classifies forbidden request headers per the Fetch standard", () => {
    for (const name of ["host", "content-length", "connection", "proxy-authorization", "sec-fetch-mode"]) {
      expect(isForbiddenHeader(name)).toBe(true);
    }
    for (const name of ["authorization", "x-amz-date", "x-amz-security-token", "content-type"]) {
      expect(isForbiddenHeader(name)).toBe(false);
    }
  });

  it("calls an injected fetch with the configured credentials mode", async () => {
    const calls: RequestInit[] = [];
    const recording: typeof fetch = (input, init) => {
      calls.push(init ?? {});
      return fetch(input, init);
    };
    const transport = new FetchTransport({ fetch: recording, credentials: "omit" });
    const response = await transport.send({ method: "GET", url: new URL("/empty", server.url), headers: {} });
    expect(response.status).toBe(204);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.credentials).toBe("omit");
  });

  it("reuses the runtime's keep-alive connection for sequential requests (Node)", async () => {
    const transport = new FetchTransport();
    const first = await transport.send({
      method: "GET",
      url: new URL("/connection-id", server.url),
      headers: {},
    });
    // undici (Node's fetch) returns a socket to its pool one event-loop turn after the body ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = await transport.send({
      method: "GET",
      url: new URL("/connection-id", server.url),
      headers: {},
    });
    expect(text(second.body)).toBe(text(first.body));
  });

  it("serves 1 000 concurrent requests, each with its own body", async () => {
    const transport = new FetchTransport();
    const responses = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        transport.send({ method: "POST", url: new URL("/echo", server.url), headers: {}, body: `#${i}` }),
      ),
    );
    for (const [i, response] of responses.entries()) expect(text(response.body)).toBe(`#${i}`);
    // Node's global dispatcher opens a connection per request with no cap; past the server's
    // listen backlog, connects wait for SYN retries, so this takes seconds, not milliseconds.
  }, 20_000);

  it("maps a failed fetch to a TransportError naming the origin, never the query", async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError("Failed to fetch"));
    const error = (await new FetchTransport({ fetch: failing })
      .send({ method: "GET", url: new URL("/x?X-Amz-Signature=secret-signature", server.url), headers: {} })
      .then(undefined, (caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: "network", origin: server.url.origin });
    expect(error.message).toContain(server.url.origin);
    expect(error.message).not.toContain("secret-signature");
  });

  it("imports nothing from node: so it runs in browsers and workers", () => {
    for (const file of readdirSync(srcDir)) {
      const source = readFileSync(new URL(file, srcDir), "utf8");
      expect(source, file).not.toMatch(/from\s+["']node:/);
    }
  });

  it("stays under 3 KB gzipped, comments included (a browser STS bundle has 12 KB)", () => {
    const source = readdirSync(srcDir)
      .map((file) => readFileSync(new URL(file, srcDir), "utf8"))
      .join("\n");
    expect(gzipSync(source).byteLength).toBeLessThan(3_072);
  });
});
