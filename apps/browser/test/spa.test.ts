import { join } from "node:path";
import { StsEmulator } from "@lanyard/sts-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir } from "../src/harness/artifacts.js";
import { hostPage, type PageHost } from "../src/harness/page-host.js";

const APP_ID = "browser-spa";

describe("a single-page app calling STS through the fetch transport in Chromium", () => {
  let emulator: StsEmulator;
  let host: PageHost;

  beforeAll(async () => {
    // Documented-example answers: the page shows the examples-1.json outputs checked below.
    emulator = await StsEmulator.start({ answers: "examples" });
    // An empty plan answers normally; programming the page's app id makes the emulator record
    // what it received from the page (its user agent ends in `app/browser-spa`).
    emulator.program(APP_ID, {});
    host = await hostPage("spa", "Lanyard STS in the browser");
  });

  afterAll(async () => {
    await host?.close();
    await emulator?.close();
  });

  it("shows the assumed role and the caller identity from a cross-origin emulator", async () => {
    const endpoint = emulator.endpoints.http1.toString();
    // Another port is another origin: the calls carry custom headers, so they need a CORS preflight.
    expect(new URL(endpoint).origin).not.toBe(host.origin);

    const opened = await host.open(`?endpoint=${encodeURIComponent(endpoint)}`);
    const { page, state, consoleErrors } = opened;
    await page.screenshot({ path: join(artifactsDir(), "spa.png"), fullPage: true });
    const text = (id: string) => page.textContent(`#${id}`);

    expect(state, `${await page.textContent("#app")}\n${consoleErrors.join("\n")}`).toBe("done");
    // The documented AssumeRoleWithWebIdentity example's output (examples-1.json).
    expect(await text("web-identity-arn")).toBe(
      "arn:aws:sts::123456789012:assumed-role/FederatedWebIdentityRole/app1",
    );
    expect(await text("web-identity-access-key-id")).toBe("AKIAIOSFODNN7EXAMPLE");
    expect(await text("web-identity-expiration")).toBe("2014-10-24T23:00:23.000Z");
    // $metadata reached the page: the emulator answers with a random UUID request id.
    expect(await text("web-identity-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // The documented GetCallerIdentity example's output.
    expect(await text("caller-account")).toBe("123456789012");
    expect(await text("caller-arn")).toBe("arn:aws:iam::123456789012:user/Alice");
    expect(await text("caller-attempts")).toBe("1");

    // Chromium asked the emulator's permission first (the answer is cached for max-age, so one
    // preflight can cover both calls), then made both calls.
    const toEmulator = opened.responses.filter((response) => response.url.startsWith(endpoint));
    expect(toEmulator.filter(({ type }) => type === "Preflight").map(({ status }) => status)).toContain(204);
    expect(toEmulator.filter(({ type }) => type === "Fetch").map(({ status }) => status)).toEqual([200, 200]);
  });

  it("sends the web-identity call unsigned and the caller-identity call with a valid SigV4 signature", () => {
    const seen = emulator.requests(APP_ID).map(({ action, signature, outcome }) => ({
      action,
      signature,
      outcome,
    }));
    expect(seen).toEqual([
      { action: "AssumeRoleWithWebIdentity", signature: "unsigned", outcome: 200 },
      { action: "GetCallerIdentity", signature: "verified", outcome: 200 },
    ]);
  });
});
