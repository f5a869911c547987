/** One cell of the report: a case replayed over one transport. */
export interface CellResult {
  case: string;
  transport: string;
  pass: boolean;
  /** Requests the emulator received for the call. */
  attempts: number;
  latencyMs: number;
  problems: string[];
}

export interface ConformanceReport {
  startedAt: string;
  durationMs: number;
  transports: string[];
  cases: string[];
  passed: number;
  failed: number;
  results: CellResult[];
}

function cell(pass: boolean, attempts: number, latencyMs: number): string {
  return `${pass ? "pass" : "FAIL"} ${attempts}x ${Math.round(latencyMs)}ms`;
}

/** The case × transport table, failure details, and a closing `N passed, N failed` line. */
export function formatReport(report: ConformanceReport): string {
  const width = Math.max(4, ...report.cases.map((id) => id.length));
  const columns = report.transports.map((name) => Math.max(name.length, 16));
  const header = ["case".padEnd(width), ...report.transports.map((name, i) => name.padEnd(columns[i]!))].join(
    "  ",
  );
  const lines = [header.trimEnd(), "-".repeat(header.trimEnd().length)];
  for (const id of report.cases) {
    const cells = report.transports.map((name, i) => {
      const r = report.results.find((x) => x.case === id && x.transport === name);
      return (r ? cell(r.pass, r.attempts, r.latencyMs) : "-").padEnd(columns[i]!);
    });
    lines.push([id.padEnd(width), ...cells].join("  ").trimEnd());
  }
  const failures = report.results.filter((r) => !r.pass);
  if (failures.length > 0) {
    lines.push("", "Failures:");
    for (const r of failures)
      lines.push(`  ${r.case} × ${r.transport}`, ...r.problems.map((p) => `    - ${p}`));
  }
  lines.push(
    "",
    `${report.cases.length} case(s) × ${report.transports.length} transport(s) in ${(report.durationMs / 1000).toFixed(1)} s`,
    `${report.passed} passed, ${report.failed} failed`,
  );
  return lines.join("\n");
}
