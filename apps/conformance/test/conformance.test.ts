import { describe, expect, it } from "vitest";
import { formatReport } from "../src/replay/report.js";
import { runConformance } from "../src/replay/runner.js";

describe("the conformance replay", () => {
  it("passes every case over every transport", async () => {
    const report = await runConformance();
    const failures = report.results
      .filter((r) => !r.pass)
      .map((r) => `${r.case} × ${r.transport}: ${r.problems.join("; ")}`);
    expect(failures, formatReport(report)).toEqual([]);
    expect(report.results).toHaveLength(32 * 5);
  }, 60_000);
});
