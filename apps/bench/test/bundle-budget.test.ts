import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleSize } from "../src/suites/bundle.js";
import { KB } from "../src/targets.js";

// Bundle sizes are deterministic (same sources, same esbuild), so the budgets are asserted, unlike timings.
// The bundle needs the client's and its primitives' dist/; `pnpm test` builds them first, so only a bare
// vitest run before any build skips.
const BUNDLED = [
  "sts-client",
  "endpoints",
  "query-protocol",
  "xml-codec",
  "sigv4",
  "http",
  "transport-fetch",
];
const clientBuilt = BUNDLED.every((name) =>
  existsSync(fileURLToPath(new URL(`../../../packages/${name}/dist/index.js`, import.meta.url))),
);

describe.skipIf(!clientBuilt)("AssumeRole bundle budget", () => {
  it("keeps the browser bundle (fetch transport, DOMParser XML backend) within 12 KB gzip", async () => {
    const size = await bundleSize("lanyardAssumeRole", "browser");
    expect(size.gzip).toBeGreaterThan(0);
    expect(size.gzip).toBeLessThanOrEqual(12 * KB);
  });

  it("keeps the worker bundle (fast-xml-parser XML backend) within 30 KB gzip", async () => {
    const size = await bundleSize("lanyardAssumeRole", "worker");
    expect(size.gzip).toBeGreaterThan(0);
    expect(size.gzip).toBeLessThanOrEqual(30 * KB);
  });
});
