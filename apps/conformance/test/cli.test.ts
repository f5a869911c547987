import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { STSClient } from "@lanyard/sts-client";
import { TEST_CREDENTIALS } from "@lanyard/sts-emulator";
import { afterAll, describe, expect, it } from "vitest";
import type { ConformanceReport } from "../src/replay/report.js";

// The built command, as `npm run conformance` runs it (the root `npm test` builds first).
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const ONE_CASE = "example/GetCallerIdentity/to-get-details-about-a-calling-iam-user";
const scratch = mkdtempSync(join(tmpdir(), "lanyard-conformance-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (text.includes("\n")) resolve(text.slice(0, text.indexOf("\n")));
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
}

describe.skipIf(!existsSync(CLI))("the conformance command (dist/cli.js)", () => {
  it("prints the table, writes the JSON report and exits 0 when every cell passes", async () => {
    const json = join(scratch, "report.json");
    const { code, stdout } = await cli(["--filter", ONE_CASE, "--transport", "undici,h2c", "--json", json]);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/^case\s+undici\s+h2c$/m);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("2 passed, 0 failed");
    const report = JSON.parse(readFileSync(json, "utf8")) as ConformanceReport;
    expect(report.transports).toEqual(["undici", "h2c"]);
    expect(report.results.map(({ transport, pass, attempts }) => ({ transport, pass, attempts }))).toEqual([
      { transport: "undici", pass: true, attempts: 1 },
      { transport: "h2c", pass: true, attempts: 1 },
    ]);
  });

  it("exits 1 when no case matches --filter, and 2 on a usage error", async () => {
    const none = await cli(["--filter", "no-such-case"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No case matches --filter "no-such-case"');
    const usage = await cli(["--transport", "carrier-pigeon"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown transport "carrier-pigeon"');
    const serveUsage = await cli(["serve", "--port", "http"]);
    expect(serveUsage.code).toBe(2);
    expect(serveUsage.stderr).toContain('Invalid port "http"');
  });

  it("serve --port runs the emulator's serve alone, answering the documented examples, until SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await firstLine(child);
      const url = /^AWS_ENDPOINT_URL_STS=(http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line)?.[1];
      expect(url, line).toBeDefined();
      const client = new STSClient({ region: "us-east-1", endpoint: url!, credentials: TEST_CREDENTIALS });
      const { Credentials } = await client.assumeRole({
        RoleArn: "arn:aws:iam::123456789012:role/demo",
        RoleSessionName: "s1",
      });
      await client.close();
      // The documented example's keys, not freshly issued ones.
      expect(Credentials?.AccessKeyId).toBe("AKIAIOSFODNN7EXAMPLE");
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
