import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Runs a command to completion; throws when it exits non-zero. */
export type RunCommand = (command: string, args: readonly string[]) => void;

export interface EnsureChromiumOptions {
  path?: string;
  exists?: (path: string) => boolean;
  run?: RunCommand;
  /** Whether this process may call apt-get directly (root). */
  isRoot?: boolean;
  /** Whether apt-get is on this machine at all. */
  hasApt?: boolean;
  log?: (line: string) => void;
}

/** What `ensureChromium` did, for the test log. */
export type EnsureChromiumResult = "present" | "installed";

export class ChromiumSetupError extends Error {
  override readonly name = "ChromiumSetupError";
}

// apt-get waits for a lock held by another apt run (unattended upgrades on a fresh machine)
// instead of failing at once; 300 s is generous for that and still bounded.
const APT_LOCK_WAIT = ["-o", "DPkg::Lock::Timeout=300"];

/**
 * Makes sure Debian's Chromium is installed, installing it with apt-get when missing.
 * Never downloads a browser build of its own: only Debian's package is used.
 */
export function ensureChromium(options: EnsureChromiumOptions = {}): EnsureChromiumResult {
  const path = options.path ?? CHROMIUM_PATH;
  const exists = options.exists ?? existsSync;
  if (exists(path)) return "present";
  const hint = `Install it by hand with 'apt-get update && apt-get install -y chromium' (as root), then re-run.`;
  if (!(options.hasApt ?? existsSync("/usr/bin/apt-get"))) {
    throw new ChromiumSetupError(
      `${path} is missing and apt-get was not found, so it cannot be installed. ${hint}`,
    );
  }
  if (!(options.isRoot ?? process.getuid?.() === 0)) {
    throw new ChromiumSetupError(
      `${path} is missing and installing it needs root, which this process is not. ${hint}`,
    );
  }
  const run = options.run ?? runInherited;
  const log = options.log ?? ((line: string) => console.log(line));
  log(`browser tests: ${path} is missing; installing Debian's chromium with apt-get`);
  const steps: [string, string[]][] = [
    ["apt-get", [...APT_LOCK_WAIT, "update"]],
    ["apt-get", [...APT_LOCK_WAIT, "install", "-y", "--no-install-recommends", "chromium"]],
  ];
  for (const [command, args] of steps) {
    try {
      run(command, args);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ChromiumSetupError(`'${command} ${args.join(" ")}' failed (${why}). ${hint}`);
    }
  }
  if (!exists(path)) {
    throw new ChromiumSetupError(`apt-get installed 'chromium' but ${path} is still missing. ${hint}`);
  }
  return "installed";
}

function runInherited(command: string, args: readonly string[]): void {
  execFileSync(command, args, {
    stdio: "inherit",
    // No prompts: CI has no standard input.
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 15 * 60_000,
  });
}
