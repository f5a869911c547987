import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FULL_TIMING, QUICK_TIMING } from "./measure.js";
import { RESULTS_DIR } from "./paths.js";
import { errorMessage, SUITE_NAMES, type SuiteContext, type SuiteName, type SuiteResult } from "./suite.js";
import { checkTargets, type TargetCheck } from "./targets.js";

export { parseSuites } from "./suite.js";

type Suite = (context: SuiteContext) => Promise<SuiteResult>;

// Loaded on demand, so a suite whose peer or Lanyard package is missing fails alone, and a run of one
// suite does not pay for importing the others.
const SUITES: Record<SuiteName, () => Promise<Suite>> = {
  signing: async () => (await import("./suites/signing.js")).signingSuite,
  parse: async () => (await import("./suites/parse.js")).parseSuite,
  endpoints: async () => (await import("./suites/endpoints.js")).endpointsSuite,
  e2e: async () => (await import("./suites/e2e.js")).e2eSuite,
  "cold-start": async () => (await import("./suites/cold-start.js")).coldStartSuite,
  bundle: async () => (await import("./suites/bundle.js")).bundleSuite,
  heap: async () => (await import("./suites/heap.js")).heapSuite,
};

export interface BenchOptions {
  suites?: readonly SuiteName[];
  quick?: boolean;
  log?: (line: string) => void;
  /** Where suites may leave artifacts (esbuild metafiles). */
  artifactsDir?: string;
}

export interface BenchReport {
  startedAt: string;
  node: string;
  platform: string;
  cpus: number;
  quick: boolean;
  results: Partial<Record<SuiteName, SuiteResult>>;
  /** Suites that could not run at all, with the reason. */
  failures: Partial<Record<SuiteName, string>>;
  targets: TargetCheck[];
}

/** Runs the selected suites one after another (never in parallel: they would compete for the CPU). */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const quick = options.quick ?? false;
  const context: SuiteContext = {
    quick,
    timing: quick ? QUICK_TIMING : FULL_TIMING,
    log: options.log ?? (() => {}),
    ...(options.artifactsDir ? { artifactsDir: options.artifactsDir } : {}),
  };
  const { availableParallelism } = await import("node:os");
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
    quick,
    results: {},
    failures: {},
    targets: [],
  };
  for (const name of options.suites ?? SUITE_NAMES) {
    context.log(`suite ${name}…`);
    try {
      const suite = await SUITES[name]();
      report.results[name] = await suite(context);
    } catch (error) {
      report.failures[name] = errorMessage(error);
      context.log(`suite ${name} failed: ${report.failures[name]}`);
    }
  }
  report.targets = checkTargets(report.results);
  return report;
}

/** Writes the report as results/bench-<timestamp>.json and returns the path. */
export async function writeReport(report: BenchReport, directory = RESULTS_DIR): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `bench-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
