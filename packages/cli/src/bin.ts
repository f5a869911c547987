#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
import { nodeIo } from "./node-io.js";
import { run } from "./run.js";

// undici's HTTP parser is WebAssembly, which V8 recompiles with TurboFan on background threads,
// and Node waits for those jobs before the process may end: 0.3–0.5 s after the last call on a
// 2-core machine. A one-shot command never runs the parser long enough to gain from the
// optimized code, so Liftoff's baseline code is all it compiles, and the process exits as soon
// as its client is closed. Set before anything is imported, so no module is compiled yet.
setFlagsFromString("--liftoff-only");

// No process.exit(): the process ends when the command's client is closed and its output
// flushed, so a piped stdout is never cut short.
process.exitCode = await run(process.argv.slice(2), nodeIo());
