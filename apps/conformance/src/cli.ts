#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { type Command, parseArgs, USAGE, UsageError } from "./args.js";
import { formatReport } from "./replay/report.js";
import { isTransportName, TRANSPORT_NAMES, type TransportName } from "./replay/transports.js";

function transportsOf(names: string[] | undefined): TransportName[] | undefined {
  if (names === undefined) return undefined;
  for (const name of names) {
    if (!isTransportName(name))
      throw new UsageError(`Unknown transport "${name}": expected one of ${TRANSPORT_NAMES.join(", ")}.`);
  }
  return names as TransportName[];
}

async function run(command: Extract<Command, { kind: "run" }>): Promise<number> {
  // Loaded on demand so `serve` starts without the client and transports.
  const { runConformance } = await import("./replay/runner.js");
  const report = await runConformance({
    filter: command.filter,
    transports: transportsOf(command.transports),
  });
  console.log(formatReport(report));
  if (command.json !== undefined) await writeFile(command.json, `${JSON.stringify(report, null, 2)}\n`);
  if (report.results.length === 0) {
    console.error(`No case matches --filter "${command.filter}".`);
    return 1;
  }
  return report.failed === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number | undefined> {
  const command = parseArgs(argv);
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === "serve") {
    // Loaded on demand, as the replay is: neither needs the other.
    const { runServe } = await import("@lanyard/sts-emulator/cli");
    return runServe(command.args); // undefined while serving, until a signal
  }
  return run(command);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
