// The `serve` command for other command lines; the binary itself is ../cli.ts.
export { runServe } from "./main.js";
export type { Output } from "./serve.js";
