import { CredentialsError, notConfigured } from "../errors.js";
import { processEnv } from "../from-env.js";
import { numberOption } from "../number-option.js";
import type { AwsCredentials, CredentialProvider } from "../types.js";
import { readCredentialDocument } from "./credential-document.js";
import { type RunOutcome, runProcess } from "./run-process.js";
import {
  profileName,
  profileSettings,
  readFilesEachCall,
  type SharedConfigOptions,
  type SharedFilesReader,
} from "./shared-config.js";
import { splitCommand } from "./split-command.js";

export interface ProcessOptions {
  /** Kill the process after this long (default 30 s): a hung helper must not hang the caller. */
  timeoutMs?: number;
  /**
   * Append what the process wrote to stderr (one line, at most 1 KiB) to the error when it
   * exits non-zero, is killed or times out. Off by default: helpers print tokens, sign-in
   * URLs with codes and debugging dumps there, and errors end up in logs. Stdout (the
   * credentials) is never shown.
   */
  includeStderr?: boolean;
  now?: () => number;
}

export interface FromProcessOptions extends SharedConfigOptions, ProcessOptions {
  profile?: string;
}

// Output caps: a Version 1 document is well under 1 KiB; stderr is kept only for `includeStderr`.
const MAX_STDOUT_BYTES = 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;
const MAX_STDERR_SHOWN = 1024;

function processFailed(message: string): CredentialsError {
  return new CredentialsError("process-failed", message);
}

/**
 * How errors name the helper: the executable's basename and the profile. Never the
 * arguments, which often carry tokens, and never the path, which may hold a user name.
 */
function labelOf(file: string, profile: string | undefined): string {
  const program = JSON.stringify(file.split(/[\\/]/).pop() ?? file);
  return `credential_process ${program}${profile ? ` of profile ${JSON.stringify(profile)}` : ""}`;
}

/** One line of stderr, control characters folded, cut to a readable length. */
function stderrSuffix(stderr: string, include: boolean | undefined): string {
  if (!include) return "";
  const line = stderr.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (line === "") return "";
  return `; stderr: ${line.length > MAX_STDERR_SHOWN ? `${line.slice(0, MAX_STDERR_SHOWN)}…` : line}`;
}

/** Why a run produced no usable output, in words that repeat nothing the process printed. */
function failureOf(outcome: RunOutcome, timeoutMs: number): string | undefined {
  switch (outcome.kind) {
    case "exited":
      return outcome.exitCode === 0 ? undefined : `exited with code ${outcome.exitCode}`;
    case "signaled":
      return `was killed by ${outcome.signal}`;
    case "timed-out":
      return `timed out after ${timeoutMs} ms and was killed`;
    case "too-much-output":
      return `printed more than ${MAX_STDOUT_BYTES} bytes and was killed`;
    case "not-started":
      return `could not be started (${outcome.reason})`;
  }
}

/** The Version 1 output as an object; errors name what is wrong, never the output. */
function parseOutput(stdout: string, label: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw processFailed(`${label}: output is not JSON (expected an object with "Version": 1)`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw processFailed(`${label}: output is not a JSON object (expected an object with "Version": 1)`);
  }
  if ((doc as { Version?: unknown }).Version !== 1) {
    throw processFailed(`${label}: output "Version" must be the number 1`);
  }
  return doc as Record<string, unknown>;
}

/**
 * Runs a `credential_process` command and reads its Version 1 JSON output. Errors say what
 * went wrong (exit code, signal, timeout, which field is bad) and name the program and
 * `profile`, but repeat nothing the process printed unless `includeStderr` is set.
 */
export async function runCredentialProcess(
  command: string,
  options: ProcessOptions = {},
  profile?: string,
): Promise<AwsCredentials> {
  const [file, ...args] = splitCommand(command);
  if (file === undefined) throw processFailed("credential_process is empty");
  const label = labelOf(file, profile);
  const timeoutMs = numberOption(options.timeoutMs, 30_000, { source: label, name: "timeoutMs", min: 1 });
  const outcome = await runProcess(file, args, {
    timeoutMs,
    maxStdoutBytes: MAX_STDOUT_BYTES,
    maxStderrBytes: MAX_STDERR_BYTES,
  });
  const failure = failureOf(outcome, timeoutMs);
  if (failure !== undefined || outcome.kind !== "exited") {
    const stderr = "stderr" in outcome ? outcome.stderr : "";
    throw processFailed(`${label} ${failure}${stderrSuffix(stderr, options.includeStderr)}`);
  }
  return readCredentialDocument(parseOutput(outcome.stdout, label), label, options.now ?? Date.now);
}

/** Credentials from the selected profile's `credential_process` in the shared config files. */
export function fromProcess(options: FromProcessOptions = {}): CredentialProvider {
  return processCredentials(options, readFilesEachCall(options));
}

/** `fromProcess` reading the files through `readFiles` (a chain reads them once per pass). */
export function processCredentials(
  options: FromProcessOptions,
  readFiles: SharedFilesReader,
): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const name = profileName(options.profile, env);
    const settings = profileSettings(await readFiles(env), name);
    const command = settings?.credential_process;
    if (!command) throw notConfigured(`fromProcess: profile "${name}" has no credential_process`);
    return runCredentialProcess(command, options, name);
  };
}
