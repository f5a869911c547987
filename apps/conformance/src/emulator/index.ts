export { MAX_SKEW_MS, TEST_CREDENTIALS } from "./auth.js";
export { type EmulatorEndpoints, type EmulatorOptions, StsEmulator } from "./emulator.js";
export type { ReceivedRequest, RecordedRequest, Reply } from "./handler.js";
export { CLOCK_SKEW_MS, type ErrorAnswer, type Fault, type Plan, SCENARIOS } from "./plan.js";
