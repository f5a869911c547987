import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type LoopbackProxy,
  type LoopbackServer,
  startLoopbackProxy,
  startLoopbackServer,
  startSilentServer,
} from "../src/contract/index.js";

let server: LoopbackServer;
let open: LoopbackProxy;
let guarded: LoopbackProxy;
beforeAll(async () => {
  server = await startLoopbackServer();
  open = await startLoopbackProxy();
  guarded = await startLoopbackProxy({ credentials: "ana:secret" });
});
afterAll(() => Promise.all([server.close(), open.close(), guarded.close()]));

/** A plain-HTTP request for `target` sent to `proxy` with an absolute URI: the status and body. */
function forward(proxy: LoopbackProxy, target: URL, headers: Record<string, string> = {}) {
  return new Promise<[number, string]>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: proxy.port, path: target.href, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve([res.statusCode ?? 0, body]));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The status line the proxy answers a CONNECT to `target` with. */
function tunnel(proxy: LoopbackProxy, target: URL, authorization?: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(proxy.port, "127.0.0.1", () => {
      const auth = authorization ? `proxy-authorization: ${authorization}\r\n` : "";
      socket.write(`CONNECT ${target.host} HTTP/1.1\r\nhost: ${target.host}\r\n${auth}\r\n`);
    });
    socket.once("data", (chunk: Buffer) => {
      resolve(chunk.toString().split("\r\n")[0] ?? "");
      socket.destroy();
    });
    socket.on("error", reject);
  });
}

describe("startLoopbackProxy", () => {
  it("forwards absolute-URI requests and counts them", async () => {
    const before = open.forwards();
    expect(await forward(open, new URL("/status/202", server.url))).toEqual([202, "status 202"]);
    expect(open.forwards()).toBe(before + 1);
  });

  it("opens CONNECT tunnels and counts them", async () => {
    const before = open.connects();
    expect(await tunnel(open, server.url)).toBe("HTTP/1.1 200 Connection Established");
    expect(open.connects()).toBe(before + 1);
  });

  it("answers 407 without the expected Basic credentials, on both paths", async () => {
    const good = `Basic ${Buffer.from("ana:secret").toString("base64")}`;
    expect((await forward(guarded, new URL("/empty", server.url)))[0]).toBe(407);
    expect(await tunnel(guarded, server.url)).toBe("HTTP/1.1 407 Proxy Authentication Required");
    expect((await forward(guarded, new URL("/empty", server.url), { "proxy-authorization": good }))[0]).toBe(
      204,
    );
    expect(await tunnel(guarded, server.url, good)).toBe("HTTP/1.1 200 Connection Established");
  });
});

describe("startSilentServer", () => {
  it("accepts a connection, never answers, and notices the client leave", async () => {
    const silent = await startSilentServer();
    try {
      const socket = connect(silent.port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      await expect.poll(() => silent.openConnections()).toBe(1);
      socket.destroy();
      await expect.poll(() => silent.openConnections()).toBe(0);
    } finally {
      await silent.close();
    }
  });
});
