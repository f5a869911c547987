// Writes generated TypeScript laid out as hand-written code: each file goes through
// `biome check --write` (import order, safe fixes, formatting) with the repository's settings,
// so generated code is formatted and linted like the rest. Used by the packages' codegen
// scripts and by the tests that check that regenerating yields no diff.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const biome = join(root, "node_modules/@biomejs/biome/bin/biome");

/** The source as biome lays it out; `path` (inside the repository) picks the settings. */
export function formatSource(text, path) {
  const stdinPath = relative(root, path);
  return execFileSync(process.execPath, [biome, "check", "--write", `--stdin-file-path=${stdinPath}`], {
    input: text,
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** file name → formatted source, as `writeGenerated` would write them into `dir`. */
export function formatGenerated(files, dir) {
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, formatSource(text, join(dir, name))]),
  );
}

/** Replaces the `*.generated.ts` files of `dir` with `files`, formatted. */
export function writeGenerated(files, dir) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith(".generated.ts")) rmSync(join(dir, name));
  for (const [name, text] of Object.entries(formatGenerated(files, dir)))
    writeFileSync(join(dir, name), text);
}
