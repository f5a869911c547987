import { spawn } from "node:child_process";
import { APP_DIR } from "../paths.js";

/** One fresh process: how long the user waited, and what the script reported about itself. */
export interface ProcessTiming {
  /** From just before `spawn` to the child's `exit` event, in the parent's clock. */
  wallMs: number;
  /** From the script's last line of work (its last call or `close()`) to the process's exit. */
  exitLagMs: number | undefined;
  /** Whatever the script printed as its last stdout line (JSON), e.g. in-process timings. */
  report: Record<string, number>;
}

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Runs `node --input-type=module -e <code>` in apps/bench (so bare imports resolve from its
 * node_modules) and times it from spawn to exit: the wait a one-shot script's user has, which
 * includes the time the process lingers after its last call. The script may print one JSON
 * line; a `doneAt` field (epoch ms, `performance.timeOrigin + performance.now()`) marks its last
 * piece of work, so the exit lag is measured against the same system clock.
 */
export function timeProcess(
  code: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ProcessTiming> {
  return timeCommand(process.execPath, ["--input-type=module", "-e", code], scriptEnv(env), timeoutMs);
}

/**
 * The parent's environment without `NODE_EXTRA_CA_CERTS`: Node reads and parses that file at
 * every start (~70 ms on a 2-core machine whose variable names the system bundle), a cost that
 * is the same for every row, hides nothing the baseline would not subtract, and multiplies the noise.
 */
function scriptEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _, ...inherited } = process.env;
  return { ...inherited, ...extra };
}

/**
 * Times any command from spawn to exit (a CLI: `lanyard whoami`, `aws sts get-caller-identity`)
 * with exactly `env`, in apps/bench; a non-zero exit is an error naming the last stderr lines.
 */
export function timeCommand(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<ProcessTiming> {
  return new Promise((resolve, reject) => {
    const started = epochNow();
    const child = spawn(file, args, { cwd: APP_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("exit", (status, signal) => {
      const exited = epochNow();
      clearTimeout(timer);
      if (status !== 0) {
        const why = signal ? `was killed by ${signal}` : `exited with ${status}`;
        reject(new Error(`the script ${why}: ${stderr.trim().split("\n").slice(-2).join(" ")}`));
        return;
      }
      resolve({ wallMs: exited - started, ...report(stdout, exited) });
    });
  });
}

/** The JSON a script printed on its last line, and the exit lag from its `doneAt`. */
function report(stdout: string, exited: number): Omit<ProcessTiming, "wallMs"> {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  const marks = last.startsWith("{") ? (JSON.parse(last) as Record<string, number>) : {};
  const doneAt = typeof marks.doneAt === "number" ? marks.doneAt : undefined;
  return { exitLagMs: doneAt === undefined ? undefined : exited - doneAt, report: marks };
}
