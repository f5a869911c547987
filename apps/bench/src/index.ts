export {
  type Contender,
  compare,
  FULL_TIMING,
  type MeasureOptions,
  median,
  percentile,
  QUICK_TIMING,
  runFor,
  type Throughput,
} from "./measure.js";
export { formatSuite, formatTargets } from "./report.js";
export { type BenchOptions, type BenchReport, parseSuites, runBench, writeReport } from "./run.js";
export { type Row, SUITE_NAMES, type SuiteContext, type SuiteName, type SuiteResult } from "./suite.js";
export { type BundleSize, bundleSize, type EntryName, type Target } from "./suites/bundle.js";
export { checkTargets, type TargetCheck } from "./targets.js";
