import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `artifacts/browser/` at the repository root (gitignored); created on first use. */
export function artifactsDir(): string {
  const dir = fileURLToPath(new URL("../../../../artifacts/browser/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The repository root, for tests that walk packages/. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
