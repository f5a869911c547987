// A proxy URL may carry a password (HTTPS_PROXY=http://user:p4ss@proxy:3128). No error, cause
// chain, util.inspect output or debug log may show it: a malformed URL used to keep Node's
// TypeError as its cause, whose `input` is the whole URL; https-proxy-agent logged the URL it
// was given under DEBUG.
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { type AddressInfo, createServer, type Server } from "node:net";
import {
  type LoopbackProxy,
  type LoopbackServer,
  printedForm,
  sendFailure,
  startLoopbackProxy,
  startLoopbackServer,
} from "@lanyard/http/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { NodeHttpTransport, type NodeHttpTransportOptions } from "../src/index.js";
import { ENTRY, runNode } from "./child.js";

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"];
const PASSWORD = "p4ss-w0rd-secret";

let plain: LoopbackServer;
let secure: HttpsServer;
let secureUrl: string;
let ca: string;
let guarded: LoopbackProxy;
/** A "proxy" that accepts each connection and closes it at once. */
let closing: Server;
let closingPort: number;
beforeAll(async () => {
  plain = await startLoopbackServer();
  guarded = await startLoopbackProxy({ credentials: `ana:${PASSWORD}` });
  closing = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
  closingPort = (closing.address() as AddressInfo).port;
  const certificate = await loopbackCertificate();
  ca = certificate.cert;
  secure = createHttpsServer(certificate, (_req, res) => res.end("secure"));
  await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
  secureUrl = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => closing.close(resolve));
  secure.closeAllConnections();
  await new Promise((resolve) => secure.close(resolve));
  await Promise.all([guarded.close(), plain.close()]);
});
afterEach(() => {
  for (const name of PROXY_VARIABLES) delete process.env[name];
});

function thrownBy(make: () => unknown): Error {
  try {
    make();
  } catch (error) {
    return error as Error;
  }
  throw new Error("nothing was thrown");
}

const MALFORMED = [
  ["a port out of range", `http://ana:${PASSWORD}@proxy.corp:99999`],
  ["an unclosed IPv6 bracket", `http://ana:${PASSWORD}@[::1:3128`],
  ["a space in the host", `http://ana:${PASSWORD}@proxy corp:3128`],
  ["credentials that are not percent-encoded", `http://ana:%ZZ${PASSWORD}@proxy.corp:3128`],
];

describe("NodeHttpTransport malformed proxy URLs", () => {
  it.each(MALFORMED)("names HTTPS_PROXY, never its value, for %s", (_what, value) => {
    process.env.HTTPS_PROXY = value;
    const error = thrownBy(() => new NodeHttpTransport());
    expect(error).toMatchObject({ code: "network", message: expect.stringContaining("HTTPS_PROXY") });
    expect(error.message).toContain("expected");
    expect(printedForm(error)).not.toContain(PASSWORD);
  });

  it.each(MALFORMED)("names the proxy option, never its value, for %s", (_what, value) => {
    const error = thrownBy(() => new NodeHttpTransport({ proxy: value }));
    expect(error).toMatchObject({ code: "network", message: expect.stringContaining("the proxy option") });
    expect(printedForm(error)).not.toContain(PASSWORD);
  });
});

describe("NodeHttpTransport proxy failures", () => {
  const target = () => new URL("/status/200", plain.url);
  const failure = (options: NodeHttpTransportOptions, url: URL) =>
    sendFailure(new NodeHttpTransport(options), { method: "GET", url, headers: {} });

  it.each([
    ["refuses the connection", () => 1],
    ["closes the connection", () => closingPort],
  ])("never shows the credentials when the proxy %s", async (_what, port) => {
    const proxy = `http://ana:${PASSWORD}@127.0.0.1:${port()}`;
    for (const url of [target(), new URL("https://sts.amazonaws.com/")]) {
      const error = await failure({ proxy }, url);
      expect(error).toMatchObject({ origin: url.origin });
      expect(printedForm(error)).not.toContain(PASSWORD);
    }
  });

  // https-proxy-agent logs the proxy URL it is given under DEBUG=https-proxy-agent; the
  // credentials reach it as a header instead. (http-proxy-agent's trace prints every request head
  // it forwards, Proxy-Authorization and the caller's own headers included: out of our reach.)
  it("tunnels with the proxy's credentials without handing them to https-proxy-agent's debug log", async () => {
    const proxy = `http://ana:${encodeURIComponent(PASSWORD)}@127.0.0.1:${guarded.port}`;
    const result = await runNode(
      `
      const { NodeHttpTransport } = await import(${JSON.stringify(ENTRY)});
      const transport = new NodeHttpTransport({ proxy: ${JSON.stringify(proxy)}, tls: { ca: ${JSON.stringify(ca)} } });
      const response = await transport.send({ method: "GET", url: new URL(${JSON.stringify(secureUrl)}), headers: {} });
      console.log(response.status);
      await transport.close();
      `,
      { DEBUG: "https-proxy-agent" },
    );
    // The proxy demands the credentials, so the tunnel opening proves they were sent.
    expect(result.stdout.trim()).toBe("200");
    expect(result.stderr).toContain("Creating new HttpsProxyAgent instance");
    expect(result.stderr).not.toContain(PASSWORD);
  });
});
