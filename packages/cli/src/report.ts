import type { CliError } from "./errors.js";
import type { ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { redactMessage } from "./redact.js";

/** What the user is told about a failure, and the status the process exits with. */
export interface Failure {
  exitCode: ExitCode;
  message: string;
  hint?: string | undefined;
}

export function cliFailure(error: CliError): Failure {
  return { exitCode: error.exitCode, message: error.message, hint: error.hint };
}

/** Where the error happened, without its message (which `--debug` must not repeat unredacted). */
function stackFrames(error: unknown): string[] {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  return stack.split("\n").filter((line) => line.trimStart().startsWith("at "));
}

/** Prints one `lanyard: …` line and its hint on stderr (the frames too under --debug), and returns the exit status. */
export function printFailure(
  failure: Failure,
  error: unknown,
  io: Io,
  debug: boolean,
  mfaCodes: readonly string[] = [],
): ExitCode {
  const lines = [`lanyard: ${redactMessage(failure.message, io.env, mfaCodes)}`];
  if (failure.hint !== undefined) lines.push(`hint: ${failure.hint}`);
  if (debug && error instanceof Error) lines.push(error.name, ...stackFrames(error));
  io.stderr(`${lines.join("\n")}\n`);
  return failure.exitCode;
}
