// A proxy URL may carry a password (HTTPS_PROXY=http://user:p4ss@proxy:3128). A malformed one
// used to reach undici's ProxyAgent, whose `new URL` threw Node's TypeError with the whole URL as
// its `input`: kept as the cause of every request's TransportError, thrown raw by close(), and,
// on a transport never used, an unhandled rejection that printed it as the process died.
import { type AddressInfo, createServer, type Server } from "node:net";
import { type LoopbackServer, printedForm, sendFailure, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { UndiciTransport, type UndiciTransportOptions } from "../src/index.js";

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"];
const PASSWORD = "p4ss-w0rd-secret";
const savedEnv = { ...process.env };

let server: LoopbackServer;
/** A "proxy" that accepts each connection and closes it at once. */
let closing: Server;
let closingPort: number;
beforeAll(async () => {
  server = await startLoopbackServer();
  closing = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
  closingPort = (closing.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => closing.close(resolve));
  await server.close();
});
afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

function env(variables: Record<string, string>): void {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
}

function thrownBy(make: () => UndiciTransport): Error {
  let made: UndiciTransport;
  try {
    made = make();
  } catch (error) {
    return error as Error;
  }
  void made.close().catch(() => {});
  throw new Error("the transport was made");
}

const MALFORMED = [
  ["a port out of range", `http://ana:${PASSWORD}@proxy.corp:99999`],
  ["an unclosed IPv6 bracket", `http://ana:${PASSWORD}@[::1:3128`],
  ["no scheme", `ana:${PASSWORD}@proxy.corp:3128`],
  ["credentials that are not percent-encoded", `http://ana:%ZZ${PASSWORD}@proxy.corp:3128`],
];

describe("UndiciTransport malformed proxy URLs", () => {
  it.each(MALFORMED)("names the proxy option, never its value, for %s", (_what, value) => {
    const error = thrownBy(() => new UndiciTransport({ proxy: value }));
    expect(error).toMatchObject({ code: "network", message: expect.stringContaining("the proxy option") });
    expect(error.message).toContain("expected");
    expect(printedForm(error)).not.toContain(PASSWORD);
  });

  it.each(["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"])(
    "names %s, never its value, when proxy is env",
    (name) => {
      for (const [, value] of MALFORMED) {
        env({ [name]: value as string });
        const error = thrownBy(() => new UndiciTransport({ proxy: "env" }));
        expect(error).toMatchObject({ code: "network", message: expect.stringContaining(name) });
        expect(printedForm(error)).not.toContain(PASSWORD);
      }
    },
  );

  it("ignores a malformed variable undici would not read (an empty lower-case one wins)", async () => {
    env({ http_proxy: "", HTTP_PROXY: `http://ana:${PASSWORD}@[bad` });
    const transport = new UndiciTransport({ proxy: "env" });
    try {
      const response = await transport.send({
        method: "GET",
        url: new URL("/status/200", server.url),
        headers: {},
      });
      expect(response.status).toBe(200);
    } finally {
      await transport.close();
    }
  });
});

describe("UndiciTransport proxy failures", () => {
  const failure = (options: UndiciTransportOptions, url: URL) =>
    sendFailure(new UndiciTransport({ connectTimeoutMs: 500, requestTimeoutMs: 1_000, ...options }), {
      method: "GET",
      url,
      headers: {},
    });

  it.each([
    ["refuses the connection", () => 1],
    ["closes the connection", () => closingPort],
  ])("never shows the credentials when the proxy %s", async (_what, port) => {
    const proxy = `http://ana:${PASSWORD}@127.0.0.1:${port()}`;
    for (const url of [new URL("/status/200", server.url), new URL("https://sts.amazonaws.com/")]) {
      const error = await failure({ proxy }, url);
      expect(error).toMatchObject({ origin: url.origin });
      expect(printedForm(error)).not.toContain(PASSWORD);
    }
  });
});
