import { fileURLToPath } from "node:url";
import { FetchTransport } from "@lanyard/transport-fetch";
import { NodeHttpTransport } from "@lanyard/transport-node";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as page from "../src/platform/browser.js";
import * as browser from "../src/platform/default.js";
import * as node from "../src/platform/node.js";
import { resolveSettings } from "../src/settings.js";
import { userAgent } from "../src/user-agent.js";
import { VERSION } from "../src/version.generated.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";
import { IAM_SERVICE } from "./fixtures/iam/generated/service.generated.js";

describe("platform defaults", () => {
  const noSettings = resolveSettings({}, IAM_SERVICE, {});

  it("has no ambient credentials, region or shared files outside Node", async () => {
    const parent = new IAMBaseClient({ region: "us-east-1" });
    expect(browser.defaultCredentials(parent)).toBeUndefined();
    expect(browser.nodeCredentialsLoader()).toBeUndefined();
    expect(await browser.profileSettings(IAM_SERVICE, undefined)).toEqual({});
    expect(browser.userAgentHeader).toBe("x-amz-user-agent");
  });

  it("reads AWS_* variables where process.env exists, and not in a browser build", async () => {
    const saved = process.env.AWS_RETRY_MODE;
    process.env.AWS_RETRY_MODE = "adaptive";
    try {
      expect(browser.envSettings(IAM_SERVICE, {}).retryMode).toEqual({
        value: "adaptive",
        source: "AWS_RETRY_MODE",
      });
      expect(page.envSettings()).toEqual({});
      await expect(page.defaultTransport(noSettings)).resolves.toBeInstanceOf(FetchTransport);
    } finally {
      if (saved === undefined) delete process.env.AWS_RETRY_MODE;
      else process.env.AWS_RETRY_MODE = saved;
    }
  });

  it("builds every retry mode on Node, and outside Node names the factory to pass for a non-standard one", () => {
    const adaptive = { value: "adaptive", source: "AWS_RETRY_MODE" } as const;
    expect(node.retryStrategyFor(adaptive, 2).maxAttempts).toBe(2);
    expect(browser.retryStrategyFor({ value: "standard", source: "default" }, 4).maxAttempts).toBe(4);
    expect(() => browser.retryStrategyFor(adaptive, undefined)).toThrow(
      /retry mode "adaptive" \(from AWS_RETRY_MODE\).*retryStrategy: adaptiveStrategy/,
    );
    expect(() => page.retryStrategyFor({ value: "legacy", source: "the retryMode option" }, 3)).toThrow(
      /legacyStrategy/,
    );
  });

  it("defaults to the node:http transport on Node and fetch elsewhere", async () => {
    const onNode = await node.defaultTransport(noSettings);
    const elsewhere = await browser.defaultTransport(noSettings);
    expect(onNode).toBeInstanceOf(NodeHttpTransport);
    expect(elsewhere).toBeInstanceOf(FetchTransport);
    await Promise.all([onNode.close(), elsewhere.close()]);
  });

  it("imports no undici from the Node platform code", async () => {
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
    const imported = Object.values(result.metafile.inputs)
      .flatMap((input) => input.imports)
      .filter((entry) => entry.external && entry.path.includes("undici"));
    expect(imported).toEqual([]);
  }, 20_000);

  it("reads the CA bundle a setting names into the Node default transport, naming the file when it cannot", async () => {
    const settings = resolveSettings({}, IAM_SERVICE, {
      caBundle: { value: "/nonexistent/ca.pem", source: "AWS_CA_BUNDLE" },
    });
    await expect(node.defaultTransport(settings)).rejects.toThrow(/\/nonexistent\/ca\.pem/);
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
