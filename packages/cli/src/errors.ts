import { ExitCode } from "./exit-codes.js";

export type CliErrorCode = "usage" | "config";

/**
 * The CLI's own failures: a bad command line (`usage`) or an unusable configuration (`config`).
 * The message is printed after `lanyard: `; `hint` is printed on the next line. Neither may
 * contain a secret.
 */
export class CliError extends Error {
  override name = "CliError";
  readonly code: CliErrorCode;
  readonly hint: string | undefined;

  constructor(code: CliErrorCode, message: string, hint?: string) {
    super(message);
    this.code = code;
    this.hint = hint;
  }

  get exitCode(): ExitCode {
    return this.code === "usage" ? ExitCode.usage : ExitCode.config;
  }
}

/** A usage error with the command's help hint. */
export function usageError(message: string, command?: string): CliError {
  const help = command === undefined ? "lanyard --help" : `lanyard ${command} --help`;
  return new CliError("usage", message, `run '${help}' for usage`);
}

export function configError(message: string, hint?: string): CliError {
  return new CliError("config", message, hint);
}
