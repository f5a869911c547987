import { CredentialsError } from "../errors.js";

/**
 * Splits a `credential_process` value into argv the way botocore does (POSIX shell
 * quoting: single quotes, double quotes, backslash escapes), so the command runs
 * without a shell and no shell expansion happens.
 */
export function splitCommand(command: string): string[] {
  const args: string[] = [];
  let current = "";
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (
      ch === "\\" &&
      i + 1 < command.length &&
      (quote === undefined || /["\\$`]/.test(command[i + 1]!))
    ) {
      current += command[++i];
      started = true;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) args.push(current);
      current = "";
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote !== undefined)
    throw new CredentialsError("process-failed", "credential_process has an unclosed quote");
  if (started) args.push(current);
  return args;
}
