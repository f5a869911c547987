import { spawn } from "node:child_process";

export interface ChildResult {
  /** The exit code, or "hung" when the process was still running after `limitMs`. */
  exit: number | "hung";
  stdout: string;
  stderr: string;
}

/** Runs an ES module `script` in a fresh Node process with `env` (nothing inherited but PATH). */
export function runNode(
  script: string,
  env: Record<string, string> = {},
  limitMs = 8_000,
): Promise<ChildResult> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve({ exit: "hung", stdout, stderr });
    }, limitMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ exit: code ?? -1, stdout, stderr });
    });
  });
}

/** The built package, which is what users load. */
export const ENTRY = new URL("../dist/index.js", import.meta.url).href;
