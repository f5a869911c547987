import { createServer as createHttpsServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import {
  type LoopbackProxy,
  type LoopbackServer,
  startLoopbackProxy,
  startLoopbackServer,
} from "@lanyard/http/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { UndiciTransport } from "../src/index.js";

let server: LoopbackServer;
let proxy: LoopbackProxy;
/** Requests the proxy carried: CONNECT tunnels plus plain-HTTP forwards. */
const uses = () => proxy.connects() + proxy.forwards();
let secure: Server;
let secureUrl: URL;
let ca: string;
const savedEnv = { ...process.env };
beforeAll(async () => {
  server = await startLoopbackServer();
  proxy = await startLoopbackProxy();
  const tls = await loopbackCertificate();
  ca = tls.cert;
  secure = createHttpsServer(tls, (_req, res) => res.end("secure via tunnel"));
  await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
  secureUrl = new URL(`https://127.0.0.1:${(secure.address() as AddressInfo).port}/`);
});
afterAll(async () => {
  secure.closeAllConnections();
  await new Promise((resolve) => secure.close(resolve));
  await proxy.close();
  await server.close();
});
afterEach(() => {
  for (const name of ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"]) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

async function sendThrough(transport: UndiciTransport): Promise<string> {
  try {
    const response = await transport.send({
      method: "POST",
      url: new URL("/echo", server.url),
      headers: {},
      body: "via?",
    });
    return new TextDecoder().decode(response.body);
  } finally {
    await transport.close();
  }
}

describe("UndiciTransport proxy", () => {
  it("sends through the proxy given as a URL", async () => {
    const before = uses();
    expect(await sendThrough(new UndiciTransport({ proxy: proxy.url }))).toBe("via?");
    expect(uses()).toBe(before + 1);
  });

  it("sends through HTTP_PROXY when proxy is env", async () => {
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const before = uses();
    expect(await sendThrough(new UndiciTransport({ proxy: "env" }))).toBe("via?");
    expect(uses()).toBe(before + 1);
  });

  it("connects directly to a host listed in NO_PROXY", async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = "localhost,127.0.0.1";
    const before = uses();
    expect(await sendThrough(new UndiciTransport({ proxy: "env" }))).toBe("via?");
    expect(uses()).toBe(before);
  });

  it("ignores proxy variables unless asked", async () => {
    process.env.HTTP_PROXY = proxy.url;
    const before = uses();
    expect(await sendThrough(new UndiciTransport())).toBe("via?");
    expect(uses()).toBe(before);
  });

  it.each([
    ["a proxy URL", () => new UndiciTransport({ proxy: proxy.url, tls: { ca } })],
    [
      "HTTPS_PROXY",
      () => {
        process.env.HTTPS_PROXY = proxy.url;
        delete process.env.NO_PROXY;
        delete process.env.no_proxy;
        return new UndiciTransport({ proxy: "env", tls: { ca } });
      },
    ],
  ])("tunnels an https request through %s, verifying the target with tls.ca", async (_via, make) => {
    const before = uses();
    const transport = make();
    try {
      const response = await transport.send({ method: "GET", url: secureUrl, headers: {} });
      expect(new TextDecoder().decode(response.body)).toBe("secure via tunnel");
      expect(uses()).toBe(before + 1);
    } finally {
      await transport.close();
    }
  });

  it("fails with code tls through the proxy when the target certificate is not trusted", async () => {
    const transport = new UndiciTransport({ proxy: proxy.url });
    try {
      await expect(transport.send({ method: "GET", url: secureUrl, headers: {} })).rejects.toMatchObject({
        code: "tls",
      });
    } finally {
      await transport.close();
    }
  });
});
