import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../src/args.js";
import { type ConformanceReport, formatReport } from "../src/replay/report.js";

describe("parseArgs", () => {
  it("runs everything with no arguments", () => {
    expect(parseArgs([])).toEqual({ kind: "run" });
  });

  it("reads --json, --filter and repeated or comma-separated --transport", () => {
    expect(
      parseArgs(["--json", "r.json", "--filter=fault", "--transport", "undici,fetch", "--transport", "h2c"]),
    ).toEqual({
      kind: "run",
      json: "r.json",
      filter: "fault",
      transports: ["undici", "fetch", "h2c"],
    });
  });

  it("hands serve's options to the emulator's serve, answering the examples unless told otherwise", () => {
    expect(parseArgs(["serve", "--port", "8080"])).toEqual({
      kind: "serve",
      args: ["--answers", "examples", "--port", "8080"],
    });
    expect(parseArgs(["serve"])).toEqual({ kind: "serve", args: ["--answers", "examples"] });
  });

  it("rejects unknown arguments and missing values", () => {
    expect(() => parseArgs(["--nope"])).toThrow(UsageError);
    expect(() => parseArgs(["--json"])).toThrow("--json needs a value");
  });
});

describe("formatReport", () => {
  const report: ConformanceReport = {
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 1234,
    transports: ["undici", "h2c"],
    cases: ["example/GetCallerIdentity/a"],
    passed: 1,
    failed: 1,
    results: [
      {
        case: "example/GetCallerIdentity/a",
        transport: "undici",
        pass: true,
        attempts: 1,
        latencyMs: 3.4,
        problems: [],
      },
      {
        case: "example/GetCallerIdentity/a",
        transport: "h2c",
        pass: false,
        attempts: 2,
        latencyMs: 12,
        problems: ["$.Account: got 1, expected 2"],
      },
    ],
  };

  it("prints a case × transport table, the failures and a closing count line", () => {
    const text = formatReport(report);
    expect(text).toContain("example/GetCallerIdentity/a  pass 1x 3ms       FAIL 2x 12ms");
    expect(text).toContain("  example/GetCallerIdentity/a × h2c\n    - $.Account: got 1, expected 2");
    expect(text.split("\n").at(-1)).toBe("1 passed, 1 failed");
  });
});
