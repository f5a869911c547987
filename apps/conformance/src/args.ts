/** The command line: `serve --port N`, or a replay with `--json FILE`, `--filter SUBSTR`, `--transport NAME`. */
export type Command =
  | { kind: "serve"; port: number }
  | { kind: "run"; json?: string; filter?: string; transports?: string[] }
  | { kind: "help" };

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage:
  conformance [--filter SUBSTR] [--transport NAME]... [--json FILE]
      replay every case against every transport (node, undici, fetch, http2, h2c)
  conformance serve [--port N]
      run the STS emulator alone on 127.0.0.1:N (plain HTTP/1.1; default port 4566)`;

function value(args: string[], index: number, flag: string): string {
  const next = args[index + 1];
  if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value.\n${USAGE}`);
  return next;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`Invalid --port "${text}": expected an integer 0 … 65535.`);
  }
  return port;
}

function parseServe(args: string[]): Command {
  let port = 4566;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--port") port = parsePort(value(args, i++, arg));
    else if (arg.startsWith("--port=")) port = parsePort(arg.slice(7));
    else throw new UsageError(`Unknown argument "${arg}" for serve.\n${USAGE}`);
  }
  return { kind: "serve", port };
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
