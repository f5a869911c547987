// fetch refuses a header value with a line break or NUL, and a URL with user:password, with a
// TypeError that repeats the value: Node's "Headers.append: "<value>" is an invalid header value"
// and "Request cannot be constructed from a URL that includes credentials: <url>". An
// x-amz-security-token or a presigned URL then showed up in the TransportError's message and cause.
import { type LoopbackServer, printedForm, sendFailure, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchTransport } from "../src/index.js";

const SECRET = "IQoJb3JpZ2luX2VjE-session-token-secret";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const failure = (url: URL, headers: Record<string, string>) =>
  sendFailure(new FetchTransport(), { method: "GET", url, headers });

describe("FetchTransport values fetch refuses", () => {
  it.each([
    ["a line feed", `${SECRET}\nX-Injected: 1`],
    ["a carriage return inside", `${SECRET}\r\nX-Injected: 1`],
    ["a NUL", `${SECRET}\0`],
    ["a character above U+00FF", `${SECRET}\u2028`],
  ])("names the header, never its value, when it holds %s", async (_what, value) => {
    const url = new URL("/status/200", server.url);
    const error = await failure(url, { "x-amz-security-token": value });
    expect(error).toMatchObject({ code: "network", origin: url.origin });
    expect(error.message).toContain('"x-amz-security-token"');
    expect(printedForm(error)).not.toContain(SECRET);
  });

  it("never repeats a URL's credentials, path or query", async () => {
    const url = new URL(`/status/200?X-Amz-Signature=${SECRET}`, server.url);
    url.username = "ana";
    url.password = SECRET;
    const error = await failure(url, {});
    expect(error).toMatchObject({ code: "network", origin: url.origin });
    expect(error.message).toContain("credentials");
    expect(printedForm(error)).not.toContain(SECRET);
  });

  it("still sends a value with surrounding whitespace, which fetch trims", async () => {
    const response = await new FetchTransport().send({
      method: "GET",
      url: new URL("/echo", server.url),
      headers: { "x-amz-security-token": ` ${SECRET}\r\n` },
    });
    const sent = JSON.parse(response.headers["x-request-headers"] ?? "{}");
    expect(sent["x-amz-security-token"]).toBe(SECRET);
  });
});
