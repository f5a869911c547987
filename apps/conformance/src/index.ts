export { type Example, stsExamples, stsModel, WRITTEN_EXAMPLES } from "@lanyard/sts-emulator/model";
export { allCases, type CaseKind, type ConformanceCase, type Expectation } from "./replay/cases.js";
export { expectedForm, type FormPairs, formDifferences } from "./replay/expected-form.js";
export { type CellResult, type ConformanceReport, formatReport } from "./replay/report.js";
export { type RunOptions, runConformance } from "./replay/runner.js";
export { TRANSPORT_NAMES, type TransportName } from "./replay/transports.js";
