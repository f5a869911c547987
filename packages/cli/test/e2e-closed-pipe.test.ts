// A reader that goes away (`lanyard whoami | head -c1`, a closed terminal) is not a crash, and an
// output that cannot be written is said to be one.

import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, makeHome, type TestHome } from "./support/cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE } from "./support/profiles.js";

let home: TestHome;

beforeEach(async () => {
  home = await makeHome({ config: CONFIG_FILE, credentials: CREDENTIALS_FILE });
});
afterEach(() => home.remove());

/** Runs the binary with one of its output pipes closed by the reader before anything is written. */
function runWithClosed(
  closed: "stdout" | "stderr",
  args: readonly string[],
): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: home.env, stdio: "pipe" });
    child[closed].destroy();
    const open = closed === "stdout" ? child.stderr : child.stdout;
    let output = "";
    open.on("data", (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
    child.stdin.end();
  });
}

describe("a closed output pipe", () => {
  it.each([[["--help"]], [["eks-token", "--cluster", "prod", "--profile", "base"]]])(
    "stdout closed: %j ends quietly with status 0, as the AWS CLI does",
    async (args) => {
      const result = await runWithClosed("stdout", args);
      expect(result.output).toBe("");
      expect(result).toEqual({ code: 0, signal: null, output: "" });
    },
  );

  it("stderr closed: a usage error still exits with status 2", async () => {
    const result = await runWithClosed("stderr", ["frobnicate"]);
    expect(result).toEqual({ code: 2, signal: null, output: "" });
  });
});

describe("an output that cannot be written", () => {
  it.skipIf(!existsSync("/dev/full"))(
    "stdout on a full disk: status 1, not called a network error",
    async () => {
      const full = openSync("/dev/full", "w");
      try {
        const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, "--help"], {
            env: home.env,
            stdio: ["ignore", full, "pipe"],
          });
          let stderr = "";
          child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
          child.once("error", reject);
          child.once("close", (code) => resolve({ code, stderr }));
        });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^lanyard: cannot write to stdout: ENOSPC: no space left on device/);
      } finally {
        closeSync(full);
      }
    },
  );
});
