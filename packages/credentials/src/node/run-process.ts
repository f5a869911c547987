import type { ChildProcess } from "node:child_process";
import { errnoCode } from "./errno.js";

export interface RunLimits {
  /** Kill the process after this long. */
  timeoutMs: number;
  /** Stop the process once its stdout exceeds this many bytes. */
  maxStdoutBytes: number;
  /** Keep at most this much of stderr (it is shown only on request). */
  maxStderrBytes: number;
}

/**
 * How a run ended, as data: the caller builds its own message from it. Node's `execFile`
 * errors are not used because their message and `cmd` hold the whole command line (whose
 * arguments often carry tokens) and the process's stderr.
 */
export type RunOutcome =
  | { kind: "exited"; exitCode: number; stdout: string; stderr: string }
  | { kind: "signaled"; signal: string; stderr: string }
  | { kind: "timed-out"; stderr: string }
  | { kind: "too-much-output"; stderr: string }
  | { kind: "not-started"; reason: string };

/** Appends chunks up to `max` bytes; reports whether anything was dropped. */
function collector(max: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add(chunk: Buffer): boolean {
      const room = max - size;
      if (room > 0) chunks.push(chunk.subarray(0, room));
      size += chunk.length;
      return size <= max;
    },
    text: () => Buffer.concat(chunks).toString("utf8"),
  };
}

function start(file: string, args: string[]): ChildProcess | string {
  try {
    // stdin stays a pipe, as with execFile, so behaviour matches what helpers were written for.
    // Node built-ins load through process.getBuiltinModule (CONTRIBUTING.md, "Node built-ins"),
    // this one on the first run: node:child_process takes 3-4 ms to load, and most chains never
    // reach a credential_process.
    const { spawn } = process.getBuiltinModule("node:child_process");
    return spawn(file, args, { stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
  } catch (error) {
    // e.g. ERR_INVALID_ARG_VALUE for a NUL byte; the message would quote the command.
    return errnoCode(error, "unknown error");
  }
}

/**
 * Runs `file` without a shell and settles once: on exit (after the pipes close), on a
 * start failure, on too much output, or at the timeout — then at once, without waiting for
 * pipes that a surviving grandchild may hold open, as `execFile` does.
 */
export function runProcess(file: string, args: string[], limits: RunLimits): Promise<RunOutcome> {
  const child = start(file, args);
  if (typeof child === "string") return Promise.resolve({ kind: "not-started", reason: child });
  const stdout = collector(limits.maxStdoutBytes);
  const stderr = collector(limits.maxStderrBytes);
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (outcome: RunOutcome, kill: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (kill) {
        child.stdout?.destroy();
        child.stderr?.destroy();
        child.kill("SIGKILL");
      }
      resolve(outcome);
    };
    // SIGKILL: a helper that has not answered in time gets no chance to ignore the signal.
    timer = setTimeout(() => settle({ kind: "timed-out", stderr: stderr.text() }, true), limits.timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (!stdout.add(chunk)) settle({ kind: "too-much-output", stderr: stderr.text() }, true);
    });
    child.stderr?.on("data", (chunk: Buffer) => stderr.add(chunk));
    child.stdin?.on("error", () => {}); // a helper that exits without reading stdin closes the pipe
    child.on("error", (error) =>
      settle({ kind: "not-started", reason: errnoCode(error, "unknown error") }, true),
    );
    child.on("close", (code, signal) => {
      const err = stderr.text();
      if (signal !== null) settle({ kind: "signaled", signal, stderr: err }, false);
      else settle({ kind: "exited", exitCode: code ?? 0, stdout: stdout.text(), stderr: err }, false);
    });
  });
}
