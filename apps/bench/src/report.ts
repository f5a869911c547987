import type { Row, SuiteResult } from "./suite.js";
import type { TargetCheck } from "./targets.js";

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

function formatExtra(extra: Record<string, number> | undefined): string {
  if (!extra) return "";
  return Object.entries(extra)
    .map(([key, value]) => `${key}=${formatNumber(value)}`)
    .join(" ");
}

function formatAdvantage(row: Row): string {
  if (row.error) return `error: ${row.error}`;
  return row.lanyardAdvantage === undefined ? "" : `lanyard ${row.lanyardAdvantage.toFixed(2)}×`;
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** One suite as an aligned table; the ratio column reads "how many times better Lanyard is". */
export function formatSuite(result: SuiteResult): string {
  const better = result.lowerIsBetter ? "lower is better" : "higher is better";
  const body = result.rows.map((row) => [
    row.name,
    formatNumber(row.value),
    formatAdvantage(row),
    formatExtra(row.extra),
  ]);
  return `${result.suite} (${result.unit}, ${better})\n${table(["contender", result.unit, "ratio", "details"], body)}`;
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  const body = checks.map((check) => [
    check.met === undefined ? "·" : check.met ? "✓" : "✗",
    check.actual,
    check.label,
  ]);
  return `targets\n${table(["", "measured", "target"], body)}`;
}
