import type { MeasureOptions } from "./measure.js";

export const SUITE_NAMES = ["signing", "parse", "endpoints", "e2e", "cold-start", "bundle", "heap"] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

export function parseSuites(list: string): SuiteName[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(SUITE_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `unknown suite "${name}"; expected a comma-separated list of ${SUITE_NAMES.join(", ")}`,
      );
    }
  }
  return names as SuiteName[];
}

export interface SuiteContext {
  quick: boolean;
  timing: MeasureOptions;
  /** Progress lines go here (stderr in the CLI), so stdout stays the table. */
  log: (line: string) => void;
  /** Where suites may leave artifacts (esbuild metafiles); none are written when absent. */
  artifactsDir?: string;
}

export interface Row {
  name: string;
  value: number;
  /** Per-round samples, when the value is their median. */
  samples?: number[];
  /** Further figures of the same contender (p50Ms, p99Ms, minified bytes, …). */
  extra?: Record<string, number>;
  /** How much better the Lanyard reference is than this row (>1 means Lanyard wins). */
  lanyardAdvantage?: number;
  /** The Lanyard row this peer is compared with, when not the suite's baseline. */
  reference?: string;
  /** Why a contender could not be measured. */
  error?: string;
}

export interface SuiteResult {
  suite: SuiteName;
  unit: string;
  /** Lower is better for times and sizes. */
  lowerIsBetter?: boolean;
  /** The Lanyard row the others are compared with. */
  baseline: string;
  rows: Row[];
  notes?: string[];
}

export function isLanyard(row: Row): boolean {
  return row.name.startsWith("lanyard");
}

/** Fills `lanyardAdvantage` of each peer row against its reference (default: the row named `baseline`). */
export function withAdvantage(rows: Row[], baseline: string, lowerIsBetter = false): Row[] {
  return rows.map((row) => {
    const reference = rows.find((candidate) => candidate.name === (row.reference ?? baseline));
    if (isLanyard(row) || !reference || !(reference.value > 0) || !(row.value > 0)) return row;
    const advantage = lowerIsBetter ? row.value / reference.value : reference.value / row.value;
    return { ...row, lanyardAdvantage: advantage };
  });
}

export function errorMessage(error: unknown): string {
  // esbuild's BuildFailure carries the real reasons in `errors`; its message is only a count.
  const first = (error as { errors?: { text?: string }[] } | undefined)?.errors?.[0]?.text;
  const message = first ?? (error instanceof Error ? error.message : String(error));
  return message.split("\n")[0]!.slice(0, 160);
}
