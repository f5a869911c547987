import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { FetchTransport } from "@lanyard/transport-fetch";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as page from "../src/platform/browser.js";
import * as browser from "../src/platform/default.js";
import { LazyUndiciTransport } from "../src/platform/lazy-undici.js";
import * as node from "../src/platform/node.js";
import { userAgent } from "../src/user-agent.js";
import { VERSION } from "../src/version.generated.js";
import { IAM_SERVICE } from "./fixtures/iam/generated/service.generated.js";

describe("platform defaults", () => {
  it("has no ambient credentials or region outside Node", async () => {
    expect(browser.defaultCredentials()).toBeUndefined();
    expect(browser.nodeCredentialsLoader()).toBeUndefined();
    expect(await browser.configRegion()).toBeUndefined();
    expect(browser.userAgentHeader).toBe("x-amz-user-agent");
  });

  it("reads AWS_* variables where process.env exists, and not in a browser build", () => {
    const saved = process.env.AWS_RETRY_MODE;
    process.env.AWS_RETRY_MODE = "adaptive";
    try {
      expect(browser.envSettings(IAM_SERVICE, {}).retryMode).toEqual({
        value: "adaptive",
        source: "AWS_RETRY_MODE",
      });
      expect(page.envSettings()).toEqual({});
      expect(page.envRegion()).toBeUndefined();
      expect(page.defaultTransport()).toBeInstanceOf(FetchTransport);
    } finally {
      if (saved === undefined) delete process.env.AWS_RETRY_MODE;
      else process.env.AWS_RETRY_MODE = saved;
    }
  });

  it("defaults to the undici transport on Node and fetch elsewhere", async () => {
    const onNode = node.defaultTransport();
    const elsewhere = browser.defaultTransport();
    expect(onNode).toBeInstanceOf(LazyUndiciTransport);
    expect(elsewhere).toBeInstanceOf(FetchTransport);
    await Promise.all([onNode.close(), elsewhere.close()]);
  });

  it("imports the undici transport only on the Node default's first send", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../src/platform/node.ts", import.meta.url))],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const packages = Object.values(result.metafile.inputs)
      .flatMap((input) => input.imports)
      .filter((entry) => entry.external && entry.path.includes("undici"));
    expect(new Set(packages.map((entry) => `${entry.path} ${entry.kind}`))).toEqual(
      new Set(["@lanyard/transport-undici dynamic-import"]),
    );
  }, 20_000);

  it("sends through undici once loaded and refuses to send after close", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const request = { method: "GET", url: new URL(`http://127.0.0.1:${port}/`), headers: {} };
    try {
      const transport = node.defaultTransport();
      const response = await transport.send(request);
      expect(response.status).toBe(200);
      expect(new TextDecoder().decode(response.body)).toBe("ok");
      await transport.close();
      await expect(transport.send(request)).rejects.toMatchObject({ code: "closed" });
      const unused = node.defaultTransport();
      await unused.close();
      await expect(unused.send(request)).rejects.toMatchObject({ code: "closed" });
    } finally {
      server.close();
    }
  });

  it("uses user-agent and reports the Node version on Node", () => {
    expect(node.userAgentHeader).toBe("user-agent");
    expect(node.platformUserAgent()).toBe(`md/nodejs#${process.versions.node} os/${process.platform}`);
  });

  it("builds a lanyard/<version> api/<service>#<version> user agent with an optional app id", () => {
    expect(userAgent(IAM_SERVICE, "md/browser")).toBe(`lanyard/${VERSION} api/iam#0.0.0 lang/js md/browser`);
    expect(userAgent(IAM_SERVICE, "md/browser", "my app")).toMatch(/ app\/my_app$/);
  });
});
