/**
 * The command line: `serve` with the STS emulator's serve options, or a replay with `--json FILE`,
 * `--filter SUBSTR`, `--transport NAME`.
 */
export type Command =
  | { kind: "serve"; args: string[] }
  | { kind: "run"; json?: string; filter?: string; transports?: string[] }
  | { kind: "help" };

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage:
  conformance [--filter SUBSTR] [--transport NAME]... [--json FILE]
      replay every case against every transport (node, undici, fetch, http2, h2c)
  conformance serve [OPTIONS]
      run the STS emulator alone, answering the documented examples as the replay does
      (the options of lanyard-sts-emulator serve: --port N, default 4566; serve --help lists them)`;

function value(args: string[], index: number, flag: string): string {
  const next = args[index + 1];
  if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value.\n${USAGE}`);
  return next;
}

/** The emulator reads serve's options itself; answers default to the examples the replay expects. */
function parseServe(args: string[]): Command {
  return { kind: "serve", args: ["--answers", "examples", ...args] };
}

export function parseArgs(args: string[]): Command {
  if (args[0] === "serve") return parseServe(args.slice(1));
  const command: { kind: "run"; json?: string; filter?: string; transports?: string[] } = { kind: "run" };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const take = (): string => inline ?? value(args, i++, flag!);
    if (flag === "--help" || flag === "-h") return { kind: "help" };
    if (flag === "--json") command.json = take();
    else if (flag === "--filter") command.filter = take();
    else if (flag === "--transport")
      command.transports = [...(command.transports ?? []), ...take().split(",")];
    else throw new UsageError(`Unknown argument "${arg}".\n${USAGE}`);
  }
  return command;
}
