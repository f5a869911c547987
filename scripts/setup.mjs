// Installs the workspace with the pinned pnpm, fetched through npx, so the repo needs
// nothing but Node and npm. Corepack is avoided on purpose: its signature check fails
// against some registries.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pnpm = packageManager; // "pnpm@<exact version>"
const args = ["--yes", pnpm, "install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"];
try {
  execFileSync("npx", args, { stdio: "inherit", cwd: new URL("..", import.meta.url) });
} catch (error) {
  console.error(`setup: '${["npx", ...args].join(" ")}' failed (${error.status ?? error.message})`);
  process.exit(1);
}
