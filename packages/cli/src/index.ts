export { ExitCode } from "./exit-codes.js";
export type { Env, Io } from "./io.js";
export { nodeIo } from "./node-io.js";
export { run } from "./run.js";
export { VERSION } from "./version.generated.js";
