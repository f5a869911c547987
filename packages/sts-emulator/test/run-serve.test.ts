import { describe, expect, it } from "vitest";
import { type Output, runServe } from "../src/cli/index.js";

function capture(): Output & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (line) => lines.out.push(line), err: (line) => lines.err.push(line) };
}

// Serving itself runs until a signal, so it is driven end to end through the binary (cli.test.ts).
describe("runServe", () => {
  it("prints the serve usage for --help and exits 0", async () => {
    const output = capture();
    expect(await runServe(["--help"], output)).toBe(0);
    expect(output.lines.out.join("\n")).toContain("Usage: lanyard-sts-emulator serve [options]");
  });

  it("exits 2 naming the option for a usage error or a bad value", async () => {
    for (const [args, message] of [
      [["--tls"], 'Unknown option "--tls" for serve'],
      [["--port", "http"], 'Invalid port "http": expected an integer from 0 to 65535.'],
      [["--answers", "live"], 'Invalid answers "live": expected "emulated" or "examples".'],
    ] as const) {
      const output = capture();
      expect(await runServe(args, output), args.join(" ")).toBe(2);
      expect(output.lines.err.join("\n")).toContain(message);
      expect(output.lines.out).toEqual([]);
    }
  });
});
