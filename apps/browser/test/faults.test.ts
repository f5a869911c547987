import { join } from "node:path";
import { CLOCK_SKEW_MS, type Plan, StsEmulator } from "@lanyard/sts-emulator";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir } from "../src/harness/artifacts.js";
import { hostPage, type PageHost } from "../src/harness/page-host.js";

// Case names double as the emulator keys (the page's `app/<name>` user agent).
// `clientAttempts` is what `$metadata.attempts` may say: Chromium itself resends a request
// whose reused keep-alive connection is reset before any response byte (its network stack's
// retry on a reused socket), so the client may see one attempt where the server saw two.
const CASES: Record<string, { plan: Plan; firstStatus: number | "reset"; clientAttempts: string[] }> = {
  "browser-clock-skew": { plan: { clockSkewMs: CLOCK_SKEW_MS }, firstStatus: 400, clientAttempts: ["2"] },
  "browser-throttle": { plan: { faults: ["throttle"] }, firstStatus: 400, clientAttempts: ["2"] },
  "browser-unavailable": { plan: { faults: ["unavailable"] }, firstStatus: 503, clientAttempts: ["2"] },
  "browser-reset": { plan: { faults: ["reset"] }, firstStatus: "reset", clientAttempts: ["1", "2"] },
};

describe("retries from a page in Chromium through the fetch transport", () => {
  let emulator: StsEmulator;
  let host: PageHost;
  let page: Page;

  beforeAll(async () => {
    emulator = await StsEmulator.start({ http2: false });
    for (const [name, { plan }] of Object.entries(CASES)) emulator.program(name, plan);
    host = await hostPage("faults", "Lanyard retries in the browser");
    const endpoint = encodeURIComponent(emulator.endpoints.http1.toString());
    const opened = await host.open(`?endpoint=${endpoint}&cases=${Object.keys(CASES).join(",")}`);
    page = opened.page;
    await page.screenshot({ path: join(artifactsDir(), "faults.png"), fullPage: true });
    expect(opened.state, `${await page.textContent("#app")}\n${opened.consoleErrors.join("\n")}`).toBe(
      "done",
    );
  });

  afterAll(async () => {
    await host?.close();
    await emulator?.close();
  });

  it.each(Object.entries(CASES))("%s: succeeds once the fault has passed", async (name, expected) => {
    const { firstStatus, clientAttempts } = expected;
    expect(await page.textContent(`#${name}-outcome`)).toBe("Account 123456789012");
    expect(clientAttempts).toContain(await page.textContent(`#${name}-attempts`));
    expect(emulator.requests(name).map((request) => request.outcome)).toEqual([firstStatus, 200]);
  });
});
