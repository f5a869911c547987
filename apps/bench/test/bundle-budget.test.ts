import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleSize, type Target } from "../src/suites/bundle.js";
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

const BUDGETS: Record<Target, { kb: number; backend: string }> = {
  browser: { kb: 12, backend: "fetch transport, DOMParser XML backend" },
  worker: { kb: 30, backend: "fetch transport, fast-xml-parser XML backend" },
};

// Both budgets are missed by the packages as they stand (browser 19.7 KB, worker 41.0 KB gzip; the causes,
// from esbuild's metafile, are in README "Findings"). Set a target to true once its budget is met.
const ENFORCED: Record<Target, boolean> = { browser: false, worker: false };

describe.skipIf(!clientBuilt)("AssumeRole bundle budget", () => {
  it("bundles an AssumeRole call with the fetch transport for browsers and workers", async () => {
    for (const target of ["browser", "worker"] as const) {
      expect((await bundleSize("lanyardAssumeRole", target)).gzip).toBeGreaterThan(0);
    }
  });

  for (const target of ["browser", "worker"] as const) {
    const { kb, backend } = BUDGETS[target];
    const title = `keeps the ${target} bundle (${backend}) within ${kb} KB gzip`;
    if (!ENFORCED[target]) {
      it.todo(`${title} — missed today, see README "Findings"`);
      continue;
    }
    it(title, async () => {
      const size = await bundleSize("lanyardAssumeRole", target);
      expect(size.gzip, `AssumeRole ${target} bundle, gzip bytes`).toBeLessThanOrEqual(kb * KB);
    });
  }
});
