import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSuite, formatTargets } from "../src/report.js";
import { runBench, writeReport } from "../src/run.js";

describe("runBench", () => {
  it("runs only the selected suite in quick mode and reports a ratio for every peer", async () => {
    const report = await runBench({ quick: true, suites: ["signing"] });
    expect(Object.keys(report.results)).toEqual(["signing"]);
    const signing = report.results.signing!;
    for (const row of signing.rows) {
      expect(row.error).toBeUndefined();
      expect(row.value).toBeGreaterThan(0);
      if (!row.name.startsWith("lanyard")) expect(row.lanyardAdvantage).toBeGreaterThan(0);
    }
    expect(formatSuite(signing)).toContain("@smithy/signature-v4");
    const judged = report.targets.filter((check) => check.met !== undefined);
    expect(judged.map((check) => check.label)).toEqual([
      "signing ≥ 2.5× @smithy/signature-v4",
      "signing ≥ 1.3× aws4",
    ]);
    expect(formatTargets(judged)).toMatch(/[✓✗]/);

    const directory = await mkdtemp(join(tmpdir(), "lanyard-bench-"));
    try {
      const path = await writeReport(report, directory);
      expect(JSON.parse(await readFile(path, "utf8")).results.signing.rows).toHaveLength(signing.rows.length);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
