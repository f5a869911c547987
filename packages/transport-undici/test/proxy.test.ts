import { type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { UndiciTransport } from "../src/index.js";
import { type LoopbackProxy, startLoopbackProxy } from "./proxy-server.js";

let server: LoopbackServer;
let proxy: LoopbackProxy;
const savedEnv = { ...process.env };
beforeAll(async () => {
  server = await startLoopbackServer();
  proxy = await startLoopbackProxy();
});
afterAll(async () => {
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
    const before = proxy.uses();
    expect(await sendThrough(new UndiciTransport({ proxy: proxy.url }))).toBe("via?");
    expect(proxy.uses()).toBe(before + 1);
  });

  it("sends through HTTP_PROXY when proxy is env", async () => {
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const before = proxy.uses();
    expect(await sendThrough(new UndiciTransport({ proxy: "env" }))).toBe("via?");
    expect(proxy.uses()).toBe(before + 1);
  });

  it("connects directly to a host listed in NO_PROXY", async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = "localhost,127.0.0.1";
    const before = proxy.uses();
    expect(await sendThrough(new UndiciTransport({ proxy: "env" }))).toBe("via?");
    expect(proxy.uses()).toBe(before);
  });

  it("ignores proxy variables unless asked", async () => {
    process.env.HTTP_PROXY = proxy.url;
    const before = proxy.uses();
    expect(await sendThrough(new UndiciTransport())).toBe("via?");
    expect(proxy.uses()).toBe(before);
  });
});
