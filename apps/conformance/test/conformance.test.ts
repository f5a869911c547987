import { describe, expect, it } from "vitest";
import { formatReport } from "../src/replay/report.js";
import { runConformance } from "../src/replay/runner.js";

describe("the conformance replay", () => {
  it("passes every case over every transport", async () => {
    // One per-attempt timeout serves both the calls that must succeed and the one the emulator
    // never answers; 5 s (the default is 1.5 s) leaves a busy machine room for the former at the
    // cost of waiting 5 s once, per transport and in parallel, for the latter.
    const report = await runConformance({ requestTimeoutMs: 5_000 });
    const failures = report.results
      .filter((r) => !r.pass)
      .map((r) => `${r.case} × ${r.transport}: ${r.problems.join("; ")}`);
    expect(failures, formatReport(report)).toEqual([]);
    expect(report.results).toHaveLength(32 * 5);
  }, 60_000);
});
