import { describe, expect, it } from "vitest";
import { QUICK_TIMING } from "../src/measure.js";
import { bundleSuite } from "../src/suites/bundle.js";

describe("bundle-size suite", () => {
  it("produces a gzip and minified size for every peer bundle", async () => {
    const result = await bundleSuite({ quick: true, timing: QUICK_TIMING, log: () => {} });
    expect(result.suite).toBe("bundle");
    const peers = result.rows.filter((row) => !row.name.startsWith("lanyard "));
    expect(peers.length).toBeGreaterThan(0);
    for (const row of peers) {
      expect(row.error).toBeUndefined();
      expect(row.value).toBeGreaterThan(0);
      expect(row.extra?.minifiedBytes).toBeGreaterThanOrEqual(row.value);
    }
  });
});
