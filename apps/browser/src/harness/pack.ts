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

/** The `package.json` inside a packed tarball, as the registry would serve it. */
export async function packedManifest(tarball: string): Promise<Record<string, unknown>> {
  const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Dependency ranges a consumer's package manager could not resolve (`workspace:`, `link:`, `file:`). */
export function unpublishableRanges(manifest: Record<string, unknown>): string[] {
  const fields = ["dependencies", "peerDependencies", "optionalDependencies"] as const;
  return fields.flatMap((field) =>
    Object.entries((manifest[field] ?? {}) as Record<string, string>)
      .filter(([, range]) => /^(workspace|link|file):/.test(range))
      .map(([name, range]) => `${field}.${name}: ${range}`),
  );
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

async function runBin(name: string, args: string[]): Promise<CommandOutcome> {
  try {
    const { stdout } = await run(join(BIN, name), args, { maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` || failed.message };
  }
}

/** Runs @arethetypeswrong/cli on a packed tarball with a profile, or with some rules ignored. */
export function arethetypeswrong(
  tarball: string,
  check: { profile: string } | { ignoreRules: string[] },
): Promise<CommandOutcome> {
  const how = "profile" in check ? ["--profile", check.profile] : ["--ignore-rules", ...check.ignoreRules];
  return runBin("attw", [tarball, ...how, "--format", "ascii", "--no-color", "--no-emoji"]);
}

/** Runs publint on a packed tarball; `--strict` makes warnings fail too. */
export function publintTarball(tarball: string): Promise<CommandOutcome> {
  return runBin("publint", ["run", tarball, "--strict"]);
}

/**
 * Loads a package's main entry with `require()` in a CommonJS process, as a CJS consumer
 * would; Node 20.19+ loads ES modules there (require(esm)) unless they use top-level await.
 */
export async function requireFromCommonJs(pkg: WorkspacePackage): Promise<CommandOutcome> {
  // A self-reference by name from inside the package resolves through its `exports`, as
  // `require("<name>")` does from a consumer's node_modules.
  const from = JSON.stringify(join(pkg.dir, "consumer.cjs"));
  const script = `const m = require("node:module").createRequire(${from})(${JSON.stringify(pkg.name)});
console.log(Object.keys(m).length);`;
  try {
    const { stdout } = await run(process.execPath, ["--no-warnings", "-e", script]);
    return { ok: Number(stdout.trim()) > 0, output: stdout };
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    return { ok: false, output: failed.stderr || failed.message };
  }
}
