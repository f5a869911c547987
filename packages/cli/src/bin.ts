#!/usr/bin/env node
import { nodeIo } from "./node-io.js";
import { run } from "./run.js";

// No process.exit(): the process ends when the command's client is closed and its output
// flushed, so a piped stdout is never cut short.
process.exitCode = await run(process.argv.slice(2), nodeIo());
