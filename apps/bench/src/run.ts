import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FULL_TIMING, QUICK_TIMING } from "./measure.js";
import { RESULTS_DIR } from "./paths.js";
import { errorMessage, SUITE_NAMES, type SuiteContext, type SuiteName, type SuiteResult } from "./suite.js";

export { parseSuites } from "./suite.js";

import { bundleSuite } from "./suites/bundle.js";
import { coldStartSuite } from "./suites/cold-start.js";
import { e2eSuite } from "./suites/e2e.js";
import { endpointsSuite } from "./suites/endpoints.js";
import { heapSuite } from "./suites/heap.js";
import { parseSuite } from "./suites/parse.js";
import { signingSuite } from "./suites/signing.js";
import { checkTargets, type TargetCheck } from "./targets.js";

type Suite = (context: SuiteContext) => Promise<SuiteResult>;

const SUITES: Partial<Record<SuiteName, Suite>> = {
  signing: signingSuite,
  parse: parseSuite,
  endpoints: endpointsSuite,
  e2e: e2eSuite,
  "cold-start": coldStartSuite,
  bundle: bundleSuite,
  heap: heapSuite,
};

export interface BenchOptions {
  suites?: readonly SuiteName[];
  quick?: boolean;
  log?: (line: string) => void;
}

export interface BenchReport {
  startedAt: string;
  node: string;
  platform: string;
  cpus: number;
  quick: boolean;
  results: Partial<Record<SuiteName, SuiteResult>>;
  targets: TargetCheck[];
}

/** Runs the selected suites one after another (never in parallel: they would compete for the CPU). */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const quick = options.quick ?? false;
  const context: SuiteContext = {
    quick,
    timing: quick ? QUICK_TIMING : FULL_TIMING,
    log: options.log ?? (() => {}),
  };
  const { availableParallelism } = await import("node:os");
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
    quick,
    results: {},
    targets: [],
  };
  for (const name of options.suites ?? SUITE_NAMES) {
    const suite = SUITES[name];
    if (!suite) continue;
    context.log(`suite ${name}…`);
    try {
      report.results[name] = await suite(context);
    } catch (error) {
      context.log(`suite ${name} failed: ${errorMessage(error)}`);
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
