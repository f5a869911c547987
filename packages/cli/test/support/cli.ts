/**
 * Spawns the built `lanyard` binary the way a shell, the AWS CLI or kubectl would, with a
 * temporary HOME and shared files and nothing of the developer's own AWS environment.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** The SigV4 test suite's identity, as the base profile's static keys. */
export const BASE_KEY = "AKIDEXAMPLE";
export const BASE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

export interface TestHome {
  dir: string;
  config: string;
  credentials: string;
  /** The environment a run starts from: HOME, the shared files, no instance metadata. */
  env: Record<string, string>;
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
  /** Runs on a pseudo-terminal, typing `input`; stdout and stderr arrive merged, as on a screen. */
  runInTerminal(args: readonly string[], input: string, options?: RunOptions): Promise<CliResult>;
  remove(): Promise<void>;
}

/** Runs a program and collects its output; `detached` gives it a session without a controlling terminal. */
export function runProgram(
  file: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: RunOptions = {},
): Promise<CliResult> {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(file, args, { env: env as NodeJS.ProcessEnv, stdio: "pipe", detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    // A hung CLI fails its test instead of hanging the run; generous for a busy machine.
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/**
 * The binary in a fresh session with no controlling terminal (as under CI or a credential_process
 * caller), so a run that would ask for an MFA code fails instead of waiting on the developer's.
 */
export function runBinary(
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: RunOptions = {},
) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the package first (npm run build)`);
  return runProgram(process.execPath, [BIN, ...args], env, options);
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The binary on a pseudo-terminal made by util-linux `script`, with `input` typed at it. */
export function runInTerminal(
  args: readonly string[],
  env: Record<string, string | undefined>,
  input: string,
) {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(" ");
  return runProgram("script", ["-qec", command, "/dev/null"], env, { input });
}

/** A temporary home with ~/.aws/config and ~/.aws/credentials holding the given text. */
export async function makeHome(files: { config?: string; credentials?: string } = {}): Promise<TestHome> {
  const dir = await mkdtemp(join(tmpdir(), "lanyard-cli-"));
  await mkdir(join(dir, ".aws"));
  const config = join(dir, ".aws", "config");
  const credentials = join(dir, ".aws", "credentials");
  await writeFile(config, files.config ?? "");
  await writeFile(credentials, files.credentials ?? "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    // Off EC2 the metadata service would only add timeouts to "no credentials" cases.
    AWS_EC2_METADATA_DISABLED: "true",
  };
  return {
    dir,
    config,
    credentials,
    env,
    run: (args, options = {}) => runBinary(args, { ...env, ...options.env }, options),
    runInTerminal: (args, input, options = {}) => runInTerminal(args, { ...env, ...options.env }, input),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
