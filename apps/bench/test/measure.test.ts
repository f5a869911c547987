import { describe, expect, it } from "vitest";
import { compare, median, percentile } from "../src/measure.js";
import { parseSuites, withAdvantage } from "../src/suite.js";
import { checkTargets } from "../src/targets.js";

describe("measurement helpers", () => {
  it("takes the median of odd and even sample counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("reads nearest-rank percentiles from sorted latencies", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it("runs every contender for the same number of interleaved rounds, sync and async alike", async () => {
    const results = await compare(
      [
        { name: "sync", run: () => 1 + 1 },
        { name: "async", run: async () => 1 },
      ],
      { warmupMs: 1, roundMs: 5, rounds: 3 },
    );
    for (const result of results) {
      expect(result.rounds).toHaveLength(3);
      expect(result.opsPerSec).toBeGreaterThan(0);
    }
  });

  it("states the Lanyard advantage as peer cost over Lanyard cost when lower is better", () => {
    const rows = withAdvantage(
      [
        { name: "lanyard x", value: 10 },
        { name: "peer", value: 30 },
      ],
      "lanyard x",
      true,
    );
    expect(rows[0]!.lanyardAdvantage).toBeUndefined();
    expect(rows[1]!.lanyardAdvantage).toBe(3);
  });

  it("rejects an unknown suite name, listing the known ones", () => {
    expect(parseSuites("signing, e2e")).toEqual(["signing", "e2e"]);
    expect(() => parseSuites("signing,nope")).toThrow(/unknown suite "nope".*signing, parse/);
  });

  it("leaves a target unjudged when its suite did not run", () => {
    const checks = checkTargets({});
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((check) => check.met === undefined && check.actual === "n/a")).toBe(true);
  });
});
