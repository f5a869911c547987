export { MAX_SKEW_MS, TEST_CREDENTIALS } from "./emulator/auth.js";
export { type EmulatorEndpoints, type EmulatorOptions, StsEmulator } from "./emulator/emulator.js";
export type { ReceivedRequest, RecordedRequest, Reply } from "./emulator/handler.js";
export { CLOCK_SKEW_MS, type ErrorAnswer, type Fault, type Plan, SCENARIOS } from "./emulator/plan.js";
export { type Example, stsExamples, stsModel } from "./model.js";
export { WRITTEN_EXAMPLES } from "./written-examples.js";
