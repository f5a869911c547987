import type { StsEmulatorOptions } from "../options.js";

/**
 * The emulator's options as the command line gives them: ports as numbers where the text is
 * decimal, every value unchecked. `StsEmulator.start` checks them as it checks any caller's, so
 * a bad port or answers mode gets the same message from the binary as from the API.
 */
export type CommandLineOptions = { [Name in keyof StsEmulatorOptions]?: unknown };

/** `serve`: run the emulator until a signal; the rest is how to print what it serves. */
export interface ServeCommand {
  kind: "serve";
  options: CommandLineOptions;
  /** Print one JSON object instead of KEY=value lines. */
  json: boolean;
  /** Write the HTTP/2 listener's CA certificate (PEM) to this file. */
  caFile?: string;
}

export type Command = ServeCommand | { kind: "help" } | { kind: "version" };

/** A command line that cannot run: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_PORT = 4566;

export const USAGE = `Usage: lanyard-sts-emulator serve [options]

Runs a local AWS STS until Ctrl-C (SIGINT) or SIGTERM. It accepts the test identity and the
credentials it issues, verifies SigV4 signatures and presigned URLs, and answers in STS's XML.
Prints KEY=value lines (or, with --json, one JSON object) with the endpoints and credentials.

Options:
  --port N          HTTP/1.1 port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H          address to bind (default 127.0.0.1)
  --http2           also serve HTTP/2 over TLS and h2c (cleartext HTTP/2)
  --h2-port N       HTTP/2 over TLS port (default: a free one)
  --h2c-port N      h2c port (default: a free one)
  --ca-file PATH    write the TLS certificate (PEM) to PATH (with --http2)
  --region R        region requests must be signed for (default us-east-1)
  --account ID      12-digit account of the test identity (default 123456789012)
  --answers MODE    emulated (default): issue and accept credentials;
                    examples: answer each operation's documented example
  --json            print one JSON object instead of KEY=value lines
  -h, --help        show this help
  -v, --version     print the version

Exit codes: 0 stopped by a signal, 1 could not start (e.g. port in use), 2 usage error.`;

/** Decimal text as a number; anything else stays text, for the options check to name. */
function portValue(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

type Setter = (command: ServeCommand, value: string) => void;

const VALUED: Record<string, Setter> = {
  "--port": (c, v) => {
    c.options.port = portValue(v);
  },
  "--h2-port": (c, v) => {
    c.options.h2Port = portValue(v);
  },
  "--h2c-port": (c, v) => {
    c.options.h2cPort = portValue(v);
  },
  "--host": (c, v) => {
    c.options.host = v;
  },
  "--region": (c, v) => {
    c.options.region = v;
  },
  "--account": (c, v) => {
    c.options.account = v;
  },
  "--answers": (c, v) => {
    c.options.answers = v;
  },
  "--ca-file": (c, v) => {
    c.caFile = v;
  },
};

/** Reads the words after `serve`. */
export function parseServe(args: readonly string[]): ServeCommand | { kind: "help" } {
  const command: ServeCommand = { kind: "serve", options: { port: DEFAULT_PORT }, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === "--help" || flag === "-h") return { kind: "help" };
    if (flag === "--http2") command.options.http2 = true;
    else if (flag === "--json") command.json = true;
    else if (Object.hasOwn(VALUED, flag)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith("--")))
        throw new UsageError(`${flag} needs a value (see --help).`);
      VALUED[flag]!(command, value);
    } else throw new UsageError(`Unknown option "${arg}" for serve (see --help).`);
  }
  if (command.caFile !== undefined && command.options.http2 !== true)
    throw new UsageError("--ca-file needs --http2: only the HTTP/2 listener uses TLS.");
  return command;
}

/** Reads the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") return { kind: "help" };
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (first === "serve") return parseServe(rest);
  if (first === undefined) throw new UsageError(`Missing command.\n\n${USAGE}`);
  throw new UsageError(`Unknown command "${first}": expected serve (see --help).`);
}
