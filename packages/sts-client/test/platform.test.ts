import { FetchTransport } from "@lanyard/transport-fetch";
import { UndiciTransport } from "@lanyard/transport-undici";
import { describe, expect, it } from "vitest";
import * as browser from "../src/platform/default.js";
import * as node from "../src/platform/node.js";
import { userAgent } from "../src/user-agent.js";
import { VERSION } from "../src/version.js";

describe("platform defaults", () => {
  it("has no ambient credentials or region outside Node", async () => {
    expect(browser.defaultCredentials()).toBeUndefined();
    expect(await browser.configRegion()).toBeUndefined();
    expect(browser.userAgentHeader).toBe("x-amz-user-agent");
  });

  it("defaults to the undici transport on Node and fetch elsewhere", async () => {
    const onNode = node.defaultTransport();
    const elsewhere = browser.defaultTransport();
    expect(onNode).toBeInstanceOf(UndiciTransport);
    expect(elsewhere).toBeInstanceOf(FetchTransport);
    await Promise.all([onNode.close(), elsewhere.close()]);
  });

  it("uses user-agent and reports the Node version on Node", () => {
    expect(node.userAgentHeader).toBe("user-agent");
    expect(node.platformUserAgent()).toBe(`md/nodejs#${process.versions.node} os/${process.platform}`);
  });

  it("builds a lanyard/<version> user agent with an optional app id", () => {
    expect(userAgent("md/browser")).toBe(`lanyard/${VERSION} api/sts#${VERSION} lang/js md/browser`);
    expect(userAgent("md/browser", "my app")).toMatch(/ app\/my_app$/);
  });
});
