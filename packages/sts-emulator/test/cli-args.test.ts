import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, parseArgs, UsageError } from "../src/cli/args.js";

describe("parseArgs", () => {
  it("reads serve with its defaults", () => {
    expect(parseArgs(["serve"])).toEqual({ kind: "serve", options: { port: DEFAULT_PORT }, json: false });
  });

  it("reads every serve option, as --flag value or --flag=value", () => {
    const argv = [
      "serve",
      "--port=0",
      "--host",
      "0.0.0.0",
      "--http2",
      "--h2-port",
      "8443",
      "--h2c-port=8080",
      "--ca-file",
      "ca.pem",
      "--region",
      "eu-west-1",
      "--account=210987654321",
      "--answers",
      "examples",
      "--json",
    ];
    expect(parseArgs(argv)).toEqual({
      kind: "serve",
      options: {
        port: 0,
        host: "0.0.0.0",
        http2: true,
        h2Port: 8443,
        h2cPort: 8080,
        region: "eu-west-1",
        account: "210987654321",
        answers: "examples",
      },
      json: true,
      caFile: "ca.pem",
    });
  });

  it("reads help and version", () => {
    for (const argv of [["--help"], ["-h"], ["help"], ["serve", "--help"]])
      expect(parseArgs(argv)).toEqual({ kind: "help" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version" });
  });

  it("leaves checking port and answers values to the options, as for an API caller", () => {
    expect(parseArgs(["serve", "--port", "http", "--h2-port=-1", "--answers", "live"])).toEqual({
      kind: "serve",
      options: { port: "http", h2Port: "-1", answers: "live" },
      json: false,
    });
  });

  it("rejects a missing or unknown command, unknown options and missing values", () => {
    const problems: [string[], string][] = [
      [[], "Missing command."],
      [["start"], 'Unknown command "start": expected serve'],
      [["serve", "--verbose"], 'Unknown option "--verbose" for serve'],
      [["serve", "--port"], "--port needs a value"],
      [["serve", "--port", "--http2"], "--port needs a value"],
      [["serve", "--ca-file", "x.pem"], "--ca-file needs --http2"],
    ];
    for (const [argv, message] of problems) {
      expect(() => parseArgs(argv), argv.join(" ")).toThrow(UsageError);
      expect(() => parseArgs(argv), argv.join(" ")).toThrow(message);
    }
  });
});
