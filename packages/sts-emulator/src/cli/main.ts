import { readFileSync } from "node:fs";
import { StsEmulatorError } from "../errors.js";
import { parseArgs, parseServe, type ServeCommand, USAGE, UsageError } from "./args.js";
import { type Output, serve } from "./serve.js";

const console_: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Stops on the first SIGINT or SIGTERM with exit code 0; a second signal exits at once. */
function stopOnSignal(stop: () => Promise<void>, output: Output): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    output.err(`${signal}: stopping the STS emulator.`);
    stop().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        output.err(`Could not stop cleanly: ${String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

function exitCodeOf(error: unknown, output: Output): number {
  if (error instanceof UsageError || (error instanceof StsEmulatorError && error.code === "invalid-option")) {
    output.err(error.message);
    return 2;
  }
  output.err(error instanceof Error ? error.message : String(error));
  return 1;
}

async function helpOrServe(command: ServeCommand | { kind: "help" }, output: Output): Promise<0 | undefined> {
  if (command.kind === "help") {
    output.out(USAGE);
    return 0;
  }
  const serving = await serve(command);
  // Listen for signals before announcing: a script may stop the server as soon as it reads the lines.
  stopOnSignal(serving.stop, output);
  serving.announce(output);
  return undefined;
}

/** Runs the command line; resolves with the exit code, or undefined while serving. */
export async function main(
  argv: readonly string[],
  versionFile: URL,
  output = console_,
): Promise<number | undefined> {
  try {
    const command = parseArgs(argv);
    if (command.kind === "version") {
      output.out((JSON.parse(readFileSync(versionFile, "utf8")) as { version: string }).version);
      return 0;
    }
    return await helpOrServe(command, output);
  } catch (error) {
    return exitCodeOf(error, output);
  }
}

/**
 * `lanyard-sts-emulator serve` with these arguments (the words after `serve`), for a command
 * line that offers the emulator as one of its commands: prints the endpoints and keys, and stops
 * on SIGINT or SIGTERM. Resolves with the exit code of help (0), a usage error (2) or a failed
 * start (1), or with undefined while serving.
 */
export async function runServe(args: readonly string[], output = console_): Promise<number | undefined> {
  try {
    return await helpOrServe(parseServe(args), output);
  } catch (error) {
    return exitCodeOf(error, output);
  }
}
