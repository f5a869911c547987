import { commandContext } from "./context.js";
import { dispatch } from "./dispatch.js";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import { commandHelp, mainHelp } from "./help.js";
import { globalInput } from "./inputs.js";
import type { Io } from "./io.js";
import { checkOptions, parseArgv } from "./parse-argv.js";
import { cliFailure, printFailure } from "./report.js";
import { VERSION } from "./version.generated.js";

async function runCommand(argv: readonly string[], io: Io, mfaCodes: string[]): Promise<ExitCode> {
  const { command, options } = parseArgv(argv);
  if (options.help === true) {
    await io.stdout(command === undefined ? mainHelp() : commandHelp(command));
    return ExitCode.ok;
  }
  if (options.version === true) {
    await io.stdout(`lanyard/${VERSION} node/${process.versions.node}\n`);
    return ExitCode.ok;
  }
  if (command === undefined) {
    // Bare `lanyard`: the help, on stderr since nothing was asked for, as a usage error.
    io.stderr(mainHelp());
    return ExitCode.usage;
  }
  checkOptions(command, options);
  await dispatch(command.name, options, commandContext(globalInput(options, command.name), io, mfaCodes));
  return ExitCode.ok;
}

/**
 * Runs one command line and returns the exit status. The result goes to stdout; every failure
 * becomes one `lanyard: …` line (and a hint) on stderr, never a secret, with a stack trace only
 * under `--debug`.
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const mfaCodes: string[] = [];
  try {
    return await runCommand(argv, io, mfaCodes);
  } catch (error) {
    // The classifier knows the STS client's and the providers' error classes, so it loads only
    // for their errors: a usage error costs no import.
    const failure =
      error instanceof CliError ? cliFailure(error) : (await import("./failure.js")).classify(error);
    return printFailure(failure, error, io, argv.includes("--debug"), mfaCodes);
  }
}
