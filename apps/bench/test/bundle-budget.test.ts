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

// The per-operation path is what a size-conscious app ships for one AssumeRole call.
const ENTRY = "lanyardAssumeRoleModular";

// The targets are 12 KB (browser) and 30 KB (worker); both are missed today and `pnpm bench`
// reports them with ✓/✗ (README "Findings" has the causes). Until they are met, these ceilings
// hold the ground gained: a change that makes the bundle bigger fails here. Lower them as the
// bundle shrinks; once under target, set them to the target.
// Measured 14,395 B (browser) and 36,851 B (worker) when first set; raised to 15,373 B and
// 37,947 B measured when the client began checking the region and endpoint it builds URLs from and
// redacting static credentials (about 1 KB for a guarantee no size target outweighs), then to
// 16,487 B and 39,082 B when credential refresh gained its advisory window and backoff and the XML
// tree builders became loops that no depth can crash (and 60 B for the deadline as a class).
const CEILING_BROWSER = 16_600;
const CEILING_WORKER = 39_200;
const CEILINGS: Record<Target, { bytes: number; backend: string }> = {
  browser: { bytes: CEILING_BROWSER, backend: "fetch transport, DOMParser XML backend" },
  worker: { bytes: CEILING_WORKER, backend: "fetch transport, fast-xml-parser XML backend" },
};

describe.skipIf(!clientBuilt)("AssumeRole bundle budget", () => {
  for (const target of ["browser", "worker"] as const) {
    const { bytes, backend } = CEILINGS[target];
    it(`keeps the ${target} bundle (${backend}) within ${(bytes / KB).toFixed(1)} KB gzip`, async () => {
      const size = await bundleSize(ENTRY, target);
      expect(size.gzip, `AssumeRole ${target} bundle, gzip bytes`).toBeGreaterThan(0);
      expect(size.gzip, `AssumeRole ${target} bundle, gzip bytes`).toBeLessThanOrEqual(bytes);
    });
  }
});
