import { findCommand, GLOBAL_OPTIONS } from "./commands.js";
import { usageError } from "./errors.js";
import type { CommandSpec, OptionSpec, RawOptions } from "./spec.js";

export interface ParsedArgv {
  /** The command named on the line; undefined for bare `lanyard`, `--help` or `--version`. */
  command: CommandSpec | undefined;
  /** Global and command options together, keyed by long name. */
  options: RawOptions;
}

function findOption(token: string, specs: readonly OptionSpec[]): OptionSpec | undefined {
  if (token.startsWith("--")) return specs.find((spec) => spec.name === token.slice(2));
  return specs.find((spec) => spec.short !== undefined && spec.short === token.slice(1));
}

function describe(command: CommandSpec | undefined): string {
  return command === undefined ? "'lanyard'" : `'lanyard ${command.name}'`;
}

interface Cursor {
  argv: readonly string[];
  index: number;
}

/** Reads one option at the cursor (`--name value`, `--name=value`, `--flag`, `-h`). */
function readOption(
  cursor: Cursor,
  command: CommandSpec | undefined,
  into: Record<string, string | true>,
): void {
  const token = cursor.argv[cursor.index]!;
  const equals = token.startsWith("--") ? token.indexOf("=") : -1;
  const flag = equals === -1 ? token : token.slice(0, equals);
  const specs = command === undefined ? GLOBAL_OPTIONS : [...GLOBAL_OPTIONS, ...command.options];
  const spec = findOption(flag, specs);
  const name = command?.name;
  if (spec === undefined) throw usageError(`unknown option ${flag} for ${describe(command)}`, name);
  if (spec.name in into) throw usageError(`--${spec.name} is given more than once`, name);
  if (spec.value === undefined) {
    if (equals !== -1) throw usageError(`--${spec.name} takes no value`, name);
    into[spec.name] = true;
    return;
  }
  let value: string | undefined;
  if (equals !== -1) value = token.slice(equals + 1);
  else {
    const next = cursor.argv[cursor.index + 1];
    // An option never swallows the next option: `--role-arn --format env` is a missing value.
    if (next !== undefined && !next.startsWith("--")) {
      value = next;
      cursor.index++;
    }
  }
  if (value === undefined || value === "")
    throw usageError(`--${spec.name} needs a value (${spec.value})`, name);
  into[spec.name] = value;
}

function parseStrict(argv: readonly string[]): ParsedArgv {
  const options: Record<string, string | true> = {};
  let command: CommandSpec | undefined;
  const cursor: Cursor = { argv, index: 0 };
  for (; cursor.index < argv.length; cursor.index++) {
    const token = argv[cursor.index]!;
    if (token.startsWith("-") && token !== "-") {
      readOption(cursor, command, options);
    } else if (command === undefined && token === "help" && !("help" in options)) {
      options.help = true;
    } else if (command === undefined) {
      command = findCommand(token);
      if (command === undefined) throw usageError(`unknown command '${token}'`);
    } else {
      throw usageError(`unexpected argument '${token}' for ${describe(command)}`, command.name);
    }
  }
  return { command, options };
}

/**
 * Splits argv into the command and its options. Global options may come before or after the
 * command; command options only after it. `lanyard help <command>` is `lanyard <command> --help`.
 * Values are not checked here (see `checkOptions`), and `--help` anywhere wins over a line that
 * does not parse, so it answers while the user is still putting the line together.
 */
export function parseArgv(argv: readonly string[]): ParsedArgv {
  try {
    return parseStrict(argv);
  } catch (error) {
    if (!argv.includes("--help") && !argv.includes("-h")) throw error;
    const command = argv.map((token) => findCommand(token)).find((found) => found !== undefined);
    return { command, options: { help: true } };
  }
}

/** Required options and choices, checked once help and version are out of the way. */
export function checkOptions(command: CommandSpec, options: RawOptions): void {
  for (const spec of command.options) {
    const value = options[spec.name];
    if (value === undefined) {
      if (spec.required) throw usageError(`--${spec.name} is required`, command.name);
    } else if (spec.choices !== undefined && !spec.choices.includes(value as string)) {
      throw usageError(
        `--${spec.name} must be one of ${spec.choices.join(", ")} (got '${value}')`,
        command.name,
      );
    }
  }
}
