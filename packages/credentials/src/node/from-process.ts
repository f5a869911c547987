import { execFile } from "node:child_process";
import { CredentialsError, notConfigured } from "../errors.js";
import { processEnv } from "../from-env.js";
import type { AwsCredentials, CredentialProvider } from "../types.js";
import { parseCredentialDocument } from "./credential-document.js";
import { loadSharedConfig, profileName, profileSettings, type SharedConfigOptions } from "./shared-config.js";

export interface ProcessOptions {
  /** Kill the process after this long (default 30 s): a hung helper must not hang the caller. */
  timeoutMs?: number;
  now?: () => number;
}

export interface FromProcessOptions extends SharedConfigOptions, ProcessOptions {
  profile?: string;
}

/**
 * Splits a `credential_process` value into argv the way botocore does (POSIX shell
 * quoting: single quotes, double quotes, backslash escapes), so the command runs
 * without a shell and no shell expansion happens.
 */
export function splitCommand(command: string): string[] {
  const args: string[] = [];
  let current = "";
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (
      ch === "\\" &&
      i + 1 < command.length &&
      (quote === undefined || /["\\$`]/.test(command[i + 1]!))
    ) {
      current += command[++i];
      started = true;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) args.push(current);
      current = "";
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote !== undefined)
    throw new CredentialsError("process-failed", "credential_process has an unclosed quote");
  if (started) args.push(current);
  return args;
}

function checkVersion(stdout: string): void {
  let version: unknown;
  try {
    version = (JSON.parse(stdout) as { Version?: unknown }).Version;
  } catch {
    throw new CredentialsError("process-failed", "credential_process: output is not JSON");
  }
  if (version !== 1) {
    throw new CredentialsError(
      "process-failed",
      `credential_process: output Version must be 1, got ${String(version)}`,
    );
  }
}

/** Runs a `credential_process` command and reads its Version 1 JSON output. */
export function runCredentialProcess(command: string, options: ProcessOptions = {}): Promise<AwsCredentials> {
  const [file, ...args] = splitCommand(command);
  if (file === undefined) throw new CredentialsError("process-failed", "credential_process is empty");
  const timeout = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed
          ? `timed out after ${timeout} ms`
          : `failed (${error.code ?? error.message})`;
        const detail = String(stderr).trim().slice(0, 300);
        reject(
          new CredentialsError(
            "process-failed",
            `credential_process "${file}" ${why}${detail ? `: ${detail}` : ""}`,
          ),
        );
        return;
      }
      try {
        checkVersion(String(stdout));
        resolve(parseCredentialDocument(String(stdout), "credential_process", options.now ?? Date.now));
      } catch (parseError) {
        reject(parseError);
      }
    });
  });
}

/** Credentials from the selected profile's `credential_process` in the shared config files. */
export function fromProcess(options: FromProcessOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const name = profileName(options.profile, env);
    const settings = profileSettings(await loadSharedConfig({ ...options, env }), name);
    const command = settings?.credential_process;
    if (!command) throw notConfigured(`fromProcess: profile "${name}" has no credential_process`);
    return runCredentialProcess(command, options);
  };
}
