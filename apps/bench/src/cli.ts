#!/usr/bin/env node
import { parseArgs } from "node:util";
import { formatSuite, formatTargets } from "./report.js";
import { parseSuites, runBench, writeReport } from "./run.js";
import { SUITE_NAMES } from "./suite.js";

const USAGE = `usage: lanyard-bench [--quick] [--suite ${SUITE_NAMES.join(",")}] [--no-write]

  --quick      short rounds (under a minute in all); figures are rougher
  --suite      comma-separated suites to run (default: all)
  --no-write   do not write results/bench-<time>.json`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      suite: { type: "string" },
      "no-write": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const suites = values.suite ? parseSuites(values.suite) : undefined;
  const report = await runBench({
    quick: values.quick ?? false,
    ...(suites ? { suites } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(
    `node ${report.node} ${report.platform}, ${report.cpus} cpus${report.quick ? ", quick" : ""}\n`,
  );
  for (const result of Object.values(report.results)) console.log(`${formatSuite(result)}\n`);
  console.log(formatTargets(report.targets));
  if (!values["no-write"]) console.log(`\nwrote ${await writeReport(report)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
