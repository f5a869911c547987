import type { HttpRequest } from "@lanyard/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeHttpTransport } from "../src/index.js";
import { type RawServer, startRawServer } from "./raw-server.js";

let raw: RawServer;
beforeAll(async () => {
  raw = await startRawServer((socket) => socket.write("HTTP/1.1 204 No Content\r\n\r\n"));
});
afterAll(() => raw.close());

const transport = new NodeHttpTransport({ proxy: false });
afterAll(() => transport.close());

/** The header lines of the head `request` arrived with, as [name, value] pairs in order. */
async function sentHeaders(request: Partial<HttpRequest>): Promise<[string, string][]> {
  await transport.send({ method: "GET", url: new URL("/path?q=1", raw.url), headers: {}, ...request });
  const [requestLine, ...lines] = raw.requestHeads().at(-1)!.split("\r\n");
  expect(requestLine).toBe(`${request.method ?? "GET"} /path?q=1 HTTP/1.1`);
  return lines.map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
}

const named = (headers: [string, string][], name: string) =>
  headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);

describe("NodeHttpTransport request head", () => {
  it("sends the caller's headers as given, then Host with the port, keep-alive and the UTF-8 length", async () => {
    const headers = await sentHeaders({
      method: "POST",
      headers: { "content-type": "text/plain", "X-Amz-Date": "20240101T000000Z" },
      body: "✓ ok",
    });
    expect(headers).toEqual(
      expect.arrayContaining([
        ["content-type", "text/plain"],
        ["X-Amz-Date", "20240101T000000Z"],
        ["Host", raw.url.host],
        ["Connection", "keep-alive"],
        ["Content-Length", "6"],
      ]),
    );
    expect(headers).toHaveLength(5);
    expect(headers.slice(0, 3).map(([name]) => name)).toEqual(["content-type", "X-Amz-Date", "Host"]);
  });

  it("counts a byte body by its length", async () => {
    const headers = await sentHeaders({ method: "PUT", body: new Uint8Array(300) });
    expect(named(headers, "content-length")).toEqual(["300"]);
  });

  it("sends Content-Length: 0 for a POST without a body, and no length for a GET", async () => {
    expect(named(await sentHeaders({ method: "POST" }), "content-length")).toEqual(["0"]);
    const get = await sentHeaders({ method: "GET" });
    expect(named(get, "content-length")).toEqual([]);
    expect(named(get, "transfer-encoding")).toEqual([]);
  });

  it("keeps the caller's own Host and Content-Length instead of adding its own", async () => {
    const headers = await sentHeaders({
      method: "POST",
      headers: { host: "sts.amazonaws.com", "content-length": "2" },
      body: "ok",
    });
    expect(named(headers, "host")).toEqual(["sts.amazonaws.com"]);
    expect(named(headers, "content-length")).toEqual(["2"]);
  });

  it("sends a name repeated in another case once, with the last value, as node:http's setHeader does", async () => {
    const headers = await sentHeaders({
      headers: { "X-Trace": "first", "x-trace": "second", "x-other": "o" },
    });
    expect(named(headers, "x-trace")).toEqual(["second"]);
    expect(headers.slice(0, 2)).toEqual([
      ["x-trace", "second"],
      ["x-other", "o"],
    ]);
  });

  it("refuses a header value with a line break, sending nothing", async () => {
    const before = raw.requestHeads().length;
    await expect(
      transport.send({ method: "GET", url: raw.url, headers: { "x-evil": "a\r\nx-injected: 1" } }),
    ).rejects.toMatchObject({ name: "TransportError" });
    expect(raw.requestHeads()).toHaveLength(before);
  });
});
