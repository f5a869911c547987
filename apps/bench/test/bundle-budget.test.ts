import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleSize, type EntryName, type Target } from "../src/suites/bundle.js";
import { KB } from "../src/targets.js";

// Bundle sizes are deterministic (same sources, same esbuild), so the budgets are asserted, unlike timings.
// The bundle needs the client's and its primitives' dist/; `pnpm test` builds them first, so only a bare
// vitest run before any build skips.
const BUNDLED = [
  "sts-client",
  "query-client",
  "endpoints",
  "query-protocol",
  "xml-codec",
  "sigv4",
  "http",
  "transport-fetch",
  "transport-node",
  "credentials",
];
const clientBuilt = BUNDLED.every((name) =>
  existsSync(fileURLToPath(new URL(`../../../packages/${name}/dist/index.js`, import.meta.url))),
);

// The README's browser and worker examples, each calling one operation through its function.
// `goal` is the target in KB (1 KB = 1024 bytes), not met yet in browsers (README "Findings");
// `ceiling` holds the bytes last measured (16,153 and 20,235), so a change that grows a bundle fails
// here. The last two rises were deliberate. First: option types checked at construction, the call's
// secrets taken out of error responses, sensitive result members hidden from util.inspect,
// transport option values, fetch's refused header values and sigv4 request shapes checked
// (+1,898 and +2,279 bytes; before them 13,895 and 17,631). Then: the error classes' brands, so
// `instanceof` holds across the Node self-contained build and an installed package (+360 and +325).
// Lower a ceiling as its bundle shrinks; once under the goal, set it to the goal (the worker's is:
// 23,407 bytes, with xml-codec's own parser instead of fast-xml-parser).
const BUDGETS: { entry: EntryName; target: Target; goal: number; ceiling: number; what: string }[] = [
  { entry: "lanyardWebIdentitySpa", target: "browser", goal: 10, ceiling: 16_153, what: "web-identity SPA" },
  {
    entry: "lanyardAssumeRoleFetch",
    target: "browser",
    goal: 12,
    ceiling: 20_235,
    what: "signed AssumeRole",
  },
  { entry: "lanyardWorker", target: "worker", goal: 32, ceiling: 32 * KB, what: "worker AssumeRole" },
];

describe.skipIf(!clientBuilt)("README example bundle budgets", () => {
  for (const { entry, target, goal, ceiling, what } of BUDGETS) {
    const bytes = ceiling;
    it(`keeps the ${what} (${target}) within ${(bytes / KB).toFixed(1)} KB gzip (goal ${goal} KB)`, async () => {
      const size = await bundleSize(entry, target);
      expect(size.gzip, `${what} ${target} bundle, gzip bytes`).toBeGreaterThan(0);
      expect(size.gzip, `${what} ${target} bundle, gzip bytes`).toBeLessThanOrEqual(bytes);
    });
  }
});

describe.skipIf(!clientBuilt)("Node (Lambda) bundle", () => {
  it("is at most half the SDK's for the same AssumeRole handler", async () => {
    const [lanyard, sdk] = await Promise.all([
      bundleSize("lanyardLambda", "node"),
      bundleSize("sdkLambda", "node"),
    ]);
    expect(lanyard.gzip).toBeGreaterThan(0);
    expect(lanyard.gzip * 2, `lanyard ${lanyard.gzip} B vs the SDK's ${sdk.gzip} B gzip`).toBeLessThanOrEqual(
      sdk.gzip,
    );
    // Only what the application asks for: undici is the opt-in transport, never in the default path.
    expect(lanyard.byPackage.map((entry) => entry.name)).not.toContain("undici");
  }, 60_000);
});
