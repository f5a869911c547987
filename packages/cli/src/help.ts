import { COMMANDS, GLOBAL_OPTIONS } from "./commands.js";
import { ExitCode } from "./exit-codes.js";
import type { CommandSpec, OptionSpec } from "./spec.js";

function optionLabel(option: OptionSpec): string {
  const long = `--${option.name}${option.value === undefined ? "" : ` ${option.value}`}`;
  return option.short === undefined ? long : `-${option.short}, ${long}`;
}

function table(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function optionRows(options: readonly OptionSpec[]): string[] {
  return table(options.map((option) => [optionLabel(option), option.summary]));
}

const EXIT_STATUS = [
  "Exit status:",
  ...table([
    [String(ExitCode.ok), "success"],
    [String(ExitCode.aws), "AWS refused the call, or the network failed"],
    [String(ExitCode.usage), "usage error (unknown command or option, missing or bad value)"],
    [String(ExitCode.config), "credentials or configuration error"],
  ]),
];

/** `lanyard --help`. */
export function mainHelp(): string {
  return [
    "Usage: lanyard <command> [options]",
    "",
    "AWS STS from the command line, honouring ~/.aws/config, ~/.aws/credentials and AWS_* variables.",
    "",
    "Commands:",
    ...table(COMMANDS.map((command) => [command.name, command.summary])),
    "",
    "Global options:",
    ...optionRows(GLOBAL_OPTIONS),
    "",
    ...EXIT_STATUS,
    "",
    "Run 'lanyard <command> --help' for a command's options.",
    "",
  ].join("\n");
}

/** `lanyard <command> --help`. */
export function commandHelp(command: CommandSpec): string {
  const lines = [
    `Usage: ${command.usage}`,
    "",
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    "",
  ];
  if (command.options.length > 0) lines.push("Options:", ...optionRows(command.options), "");
  lines.push("Global options:", ...optionRows(GLOBAL_OPTIONS), "");
  for (const note of command.notes ?? []) lines.push(note, "");
  if (command.examples !== undefined) {
    lines.push(
      "Examples:",
      ...command.examples.flatMap((example) => example.split("\n").map((line) => `  ${line}`)),
      "",
    );
  }
  lines.push(...EXIT_STATUS, "");
  return lines.join("\n");
}
