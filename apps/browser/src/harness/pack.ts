import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./artifacts.js";

const run = promisify(execFile);
const BIN = join(REPO_ROOT, "node_modules", ".bin");

export interface WorkspacePackage {
  name: string;
  dir: string;
  built: boolean;
}

/** Every publishable package under packages/ (apps/ are private and never packed). */
export function listPackages(): WorkspacePackage[] {
  const root = join(REPO_ROOT, "packages");
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "package.json")))
    .map((entry) => {
      const dir = join(root, entry.name);
      const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string };
      return { name, dir, built: existsSync(join(dir, "dist")) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PackResult {
  tarball: string;
  files: string[];
}

/**
 * Packs with the workspace's pinned pnpm, as `pnpm publish` would: `workspace:^` ranges are
 * rewritten and the `files` list applied.
 */
export async function packPackage(dir: string, destination: string): Promise<PackResult> {
  const { stdout } = await run(join(BIN, "pnpm"), ["pack", "--json", "--pack-destination", destination], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as { filename: string; files: { path: string }[] };
  return { tarball: report.filename, files: report.files.map((file) => file.path).sort() };
}

const ALLOWED_FILES = new Set(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]);
const TEST_LIKE = /(^|\/)(test|tests|__tests__|vectors|fixtures)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/** Whether a published package may contain this path: docs, licence, the build and its sources. */
export function isAllowedInTarball(path: string): boolean {
  if (ALLOWED_FILES.has(path)) return true;
  if (!path.startsWith("dist/") && !path.startsWith("src/")) return false;
  return !TEST_LIKE.test(path) && !path.endsWith(".tsbuildinfo");
}

export interface CommandOutcome {
  ok: boolean;
  output: string;
}

/** Runs @arethetypeswrong/cli on a packed tarball with the given profile. */
export async function arethetypeswrong(tarball: string, profile: string): Promise<CommandOutcome> {
  const args = [tarball, "--profile", profile, "--format", "ascii", "--no-color", "--no-emoji"];
  try {
    const { stdout } = await run(join(BIN, "attw"), args, { maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` || failed.message };
  }
}
