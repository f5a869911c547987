#!/usr/bin/env node
import { parseArgs } from "node:util";

// The SDK warns on every process about its coming Node 22 floor; the notice is noise in a benchmark table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

import { RESULTS_DIR } from "./paths.js";
import { formatProfile, summarizeProfileFile } from "./profile.js";
import { formatSuite, formatTargets } from "./report.js";
import { parseSuites, runBench, writeReport } from "./run.js";
import { SUITE_NAMES } from "./suite.js";

const USAGE = `usage: lanyard-bench [--quick] [--suite ${SUITE_NAMES.join(",")}] [--no-write]
       lanyard-bench profile <file.cpuprofile>   (self time by package and function)

  --quick      short rounds (under a minute in all); figures are rougher
  --suite      comma-separated suites to run (default: all)
  --no-write   do not write results/bench-<time>.json`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
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
  if (positionals[0] === "profile" && positionals[1]) {
    console.log(formatProfile(await summarizeProfileFile(positionals[1])));
    return 0;
  }
  if (positionals.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const suites = values.suite ? parseSuites(values.suite) : undefined;
  const report = await runBench({
    quick: values.quick ?? false,
    ...(suites ? { suites } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
    ...(values["no-write"] ? {} : { artifactsDir: RESULTS_DIR }),
  });
  console.log(
    `node ${report.node} ${report.platform}, ${report.cpus} cpus${report.quick ? ", quick" : ""}\n`,
  );
  for (const result of Object.values(report.results)) console.log(`${formatSuite(result)}\n`);
  for (const [name, reason] of Object.entries(report.failures))
    console.log(`${name}: could not run (${reason})\n`);
  // A partial run prints only the targets its suites could judge; the JSON keeps them all.
  const judged = suites ? report.targets.filter((check) => check.met !== undefined) : report.targets;
  if (judged.length > 0) console.log(formatTargets(judged));
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
