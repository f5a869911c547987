import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built binary, as `npm` links it (`lanyard-sts-emulator` → dist/cli.js). */
export const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** A spawned CLI: what it printed so far, and how it ended. */
export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once `ready(stdout, stderr)` holds; rejects if the process exits first or after `ms`. */
  until(ready: (stdout: string, stderr: string) => boolean, ms?: number): Promise<void>;
  /** Kills what is still running (afterEach). */
  kill(): void;
}

export function spawnCli(args: string[]): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
    changed();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
    changed();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const until = (ready: (stdout: string, stderr: string) => boolean, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!ready(out, err)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`CLI not ready after ${ms} ms.\nstdout: ${out}\nstderr: ${err}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then((code) => {
        if (!listeners.has(check)) return;
        cleanup();
        reject(new Error(`CLI exited with ${code} before it was ready.\nstdout: ${out}\nstderr: ${err}`));
      });
      check();
    });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return { child, stdout: () => out, stderr: () => err, exited, until, kill };
}

/** The KEY=value lines `serve` prints, as a record. */
export function readLines(stdout: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}
