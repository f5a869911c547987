import { createServer as createHttpsServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import {
  type LoopbackProxy,
  type LoopbackServer,
  startLoopbackProxy,
  startLoopbackServer,
} from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { ENTRY, runNode } from "./child.js";

let plain: LoopbackServer;
let secure: Server;
let proxy: LoopbackProxy;
let ca: string;
beforeAll(async () => {
  plain = await startLoopbackServer();
  proxy = await startLoopbackProxy();
  const certificate = await loopbackCertificate();
  ca = certificate.cert;
  secure = createHttpsServer(certificate, (_req, res) => res.end("secure"));
  await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  secure.closeAllConnections();
  await new Promise((resolve) => secure.close(resolve));
  await Promise.all([proxy.close(), plain.close()]);
});

/**
 * In a fresh process with `env`: one GET to `url` with the default options (`proxy: "env"`),
 * close() forgotten on purpose, then what was loaded: modules of the proxy packages (CommonJS,
 * so they show in the require cache even when imported) and whether Node's TLS module was.
 */
const run = (url: string, env: Record<string, string>) => {
  // Only an https target needs the test CA (and with it, node:tls).
  const options = url.startsWith("https:") ? JSON.stringify({ tls: { ca } }) : "";
  return runNode(
    `
    import { createRequire } from "node:module";
    import { NodeHttpTransport } from ${JSON.stringify(ENTRY)};
    const transport = new NodeHttpTransport(${options});
    const response = await transport.send({ method: "GET", url: new URL(${JSON.stringify(url)}), headers: {} });
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .filter((file) => /[\\\\/](agent-base|https?-proxy-agent)[\\\\/]/.test(file));
    const tls = process.moduleLoadList.includes("NativeModule tls");
    console.log(JSON.stringify({ status: response.status, proxyModules: loaded.length, tls }));
    `,
    env,
  );
};

describe("NodeHttpTransport lazy loading", () => {
  it("loads neither the proxy packages nor node:tls for a plain-HTTP target, even with a proxy set but bypassed", async () => {
    const result = await run(new URL("/empty", plain.url).href, { NO_PROXY: "*", HTTPS_PROXY: proxy.url });
    expect(result.exit, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ status: 204, proxyModules: 0, tls: false });
  });

  it("loads node:tls but no proxy package for an https target when no proxy variable is set", async () => {
    const result = await run(`https://127.0.0.1:${(secure.address() as AddressInfo).port}/`, {});
    expect(result.exit, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ status: 200, proxyModules: 0, tls: true });
  });

  it("loads the proxy packages on the first proxied request, and the process still exits on its own", async () => {
    const before = proxy.connects();
    const result = await run(`https://127.0.0.1:${(secure.address() as AddressInfo).port}/`, {
      HTTPS_PROXY: proxy.url,
    });
    expect(result.exit, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).proxyModules).toBeGreaterThan(0);
    expect(proxy.connects()).toBe(before + 1);
  });
});
