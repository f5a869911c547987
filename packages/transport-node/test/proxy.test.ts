import { createServer as createHttpsServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import {
  type LoopbackProxy,
  type LoopbackServer,
  startLoopbackProxy,
  startLoopbackServer,
  startSilentServer,
} from "@lanyard/http/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { NodeHttpTransport, type NodeHttpTransportOptions } from "../src/index.js";

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"];
const PASSWORD = "pa55-w0rd-secret";

let plain: LoopbackServer;
let secure: Server;
let secureUrl: URL;
let ca: string;
let proxy: LoopbackProxy;
let guarded: LoopbackProxy;
beforeAll(async () => {
  plain = await startLoopbackServer();
  proxy = await startLoopbackProxy();
  guarded = await startLoopbackProxy({ credentials: `ana:${PASSWORD}` });
  const certificate = await loopbackCertificate();
  ca = certificate.cert;
  secure = createHttpsServer(certificate, (req, res) => res.end(`secure ${req.url}`));
  await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
  secureUrl = new URL(`https://127.0.0.1:${(secure.address() as AddressInfo).port}/`);
});
afterAll(async () => {
  secure.closeAllConnections();
  await new Promise((resolve) => secure.close(resolve));
  await Promise.all([proxy.close(), guarded.close(), plain.close()]);
});
afterEach(() => {
  for (const name of PROXY_VARIABLES) delete process.env[name];
});

function env(variables: Record<string, string>): void {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
}

/** Sends `count` requests to `url` one after another on one transport; returns the bodies. */
async function sendWith(options: NodeHttpTransportOptions, url: URL, count = 1): Promise<string[]> {
  const transport = new NodeHttpTransport({ tls: { ca }, ...options });
  try {
    const bodies: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await transport.send({ method: "GET", url, headers: {} });
      bodies.push(new TextDecoder().decode(response.body));
    }
    return bodies;
  } finally {
    await transport.close();
  }
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );

describe("NodeHttpTransport proxies", () => {
  it("tunnels https through HTTPS_PROXY by default, one CONNECT for consecutive requests", async () => {
    env({ HTTPS_PROXY: proxy.url });
    const before = proxy.connects();
    expect(await sendWith({}, secureUrl, 3)).toEqual(["secure /", "secure /", "secure /"]);
    expect(proxy.connects()).toBe(before + 1);
  });

  it("forwards plain http through HTTP_PROXY (lower-case http_proxy wins), never tunnelling it", async () => {
    env({ HTTP_PROXY: "http://127.0.0.1:1", http_proxy: proxy.url });
    const [forwards, connects] = [proxy.forwards(), proxy.connects()];
    expect(await sendWith({}, new URL("/status/200", plain.url))).toEqual(["status 200"]);
    expect([proxy.forwards(), proxy.connects()]).toEqual([forwards + 1, connects]);
  });

  it.each([
    ["the host", "127.0.0.1"],
    ["host:port", () => `127.0.0.1:${secureUrl.port}`],
    ["a CIDR block", "127.0.0.0/8"],
    ["a wildcard", "*"],
    ["a list with spaces", () => ` example.com , 127.0.0.1:${secureUrl.port}`],
  ])("connects directly when NO_PROXY lists %s", async (_what, noProxy) => {
    env({ HTTPS_PROXY: proxy.url, NO_PROXY: typeof noProxy === "function" ? noProxy() : noProxy });
    const before = proxy.connects();
    expect(await sendWith({}, secureUrl)).toEqual(["secure /"]);
    expect(proxy.connects()).toBe(before);
  });

  it("still proxies when NO_PROXY names the host on another port", async () => {
    env({ HTTPS_PROXY: proxy.url, no_proxy: "127.0.0.1:1,.example.com" });
    const before = proxy.connects();
    await sendWith({}, secureUrl);
    expect(proxy.connects()).toBe(before + 1);
  });

  it("sends everything through an explicit proxy URL, ignoring NO_PROXY", async () => {
    env({ NO_PROXY: "*" });
    const before = proxy.connects();
    await sendWith({ proxy: proxy.url }, secureUrl);
    expect(proxy.connects()).toBe(before + 1);
  });

  it("ignores the proxy variables with proxy: false", async () => {
    env({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    const [connects, forwards] = [proxy.connects(), proxy.forwards()];
    await sendWith({ proxy: false }, secureUrl);
    await sendWith({ proxy: false }, new URL("/empty", plain.url));
    expect([proxy.connects(), proxy.forwards()]).toEqual([connects, forwards]);
  });

  it("verifies the target's certificate through the tunnel", async () => {
    env({ HTTPS_PROXY: proxy.url });
    const transport = new NodeHttpTransport();
    try {
      const error = await failureOf(transport.send({ method: "GET", url: secureUrl, headers: {} }));
      expect(error).toMatchObject({ code: "tls", origin: secureUrl.origin });
    } finally {
      await transport.close();
    }
  });

  it("fails with code timeout, phase connect, when the proxy never answers the CONNECT", async () => {
    const silent = await startSilentServer();
    try {
      const transport = new NodeHttpTransport({
        proxy: `http://127.0.0.1:${silent.port}`,
        connectTimeoutMs: 150,
      });
      const error = await failureOf(transport.send({ method: "GET", url: secureUrl, headers: {} }));
      expect(error).toMatchObject({ code: "timeout", phase: "connect", timeoutMs: 150 });
      // The connection to the proxy is given up too, not left to hold the process open.
      await expect.poll(() => silent.openConnections()).toBe(0);
      await transport.close();
    } finally {
      await silent.close();
    }
  });
});

describe("NodeHttpTransport proxy credentials", () => {
  const withCredentials = (password: string) =>
    `http://ana:${encodeURIComponent(password)}@127.0.0.1:${guarded.port}`;

  it.each([
    ["an https target (CONNECT)", () => secureUrl, "secure /"],
    ["an http target (forwarded)", () => new URL("/status/200", plain.url), "status 200"],
  ])("authenticates to the proxy with the URL's credentials for %s", async (_what, target, body) => {
    env({ HTTPS_PROXY: withCredentials(PASSWORD), HTTP_PROXY: withCredentials(PASSWORD) });
    expect(await sendWith({}, target())).toEqual([body]);
  });

  it.each([
    ["an https target (CONNECT)", () => secureUrl],
    ["an http target (forwarded)", () => new URL("/status/200?X-Amz-Signature=sig", plain.url)],
  ])(
    "fails with code network naming the proxy, never the credentials, when refused for %s",
    async (_what, target) => {
      const wrong = "wr0ng-pa55-secret";
      env({ HTTPS_PROXY: withCredentials(wrong), HTTP_PROXY: withCredentials(wrong) });
      const error = await failureOf(sendWith({}, target()));
      expect(error).toMatchObject({ code: "network", origin: target().origin });
      expect(error?.message).toContain(`the proxy http://127.0.0.1:${guarded.port} refused`);
      expect(error?.message).toContain("407");
      // The reason phrase is the proxy's own text.
      expect(error?.message).not.toContain("Proxy Authentication Required");
      for (const secret of [wrong, encodeURIComponent(wrong), "ana:", "X-Amz-Signature"]) {
        expect(error?.message).not.toContain(secret);
        expect(String(error?.cause)).not.toContain(secret);
      }
    },
  );

  it("never shows the credentials when the proxy is unreachable", async () => {
    const error = await failureOf(sendWith({ proxy: `http://ana:${PASSWORD}@127.0.0.1:1` }, secureUrl));
    expect(error).toMatchObject({ code: "connection-refused", origin: secureUrl.origin });
    expect(`${error?.message} ${String(error?.cause)}`).not.toContain(PASSWORD);
  });

  it("rejects an unsupported proxy scheme without echoing the URL", () => {
    const error = (() => {
      try {
        return new NodeHttpTransport({ proxy: `socks5://ana:${PASSWORD}@127.0.0.1:1080` });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toMatchObject({
      code: "network",
      message: expect.stringContaining("expected an http:// or https://"),
    });
    expect((error as Error).message).not.toContain(PASSWORD);
  });
});
