#!/usr/bin/env node
import { parseArgs, USAGE, UsageError } from "./args.js";
import { serve } from "./serve.js";

async function main(argv: string[]): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === "serve") {
    await serve(command.port);
    return -1; // keeps running
  }
  console.error("The replay is not available yet.");
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
