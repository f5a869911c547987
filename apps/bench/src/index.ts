export { compareLoad, type LoadContender, type LoadResult, type LoadTiming, runLoad } from "./load.js";
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
export { formatProfile, type ProfileSummary, summarizeProfile, summarizeProfileFile } from "./profile.js";
export { formatSuite, formatTargets } from "./report.js";
export { type BenchOptions, type BenchReport, parseSuites, runBench, writeReport } from "./run.js";
export { type RunningStub, startStub } from "./stub-client.js";
export { type Row, SUITE_NAMES, type SuiteContext, type SuiteName, type SuiteResult } from "./suite.js";
export { type BundleSize, bundleSize, type EntryName, type Target } from "./suites/bundle.js";
export { checkTargets, type TargetCheck } from "./targets.js";
