import { fileURLToPath } from "node:url";

/** apps/bench, found from this file both in src/ (vitest) and in dist/ (the CLI). */
export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));
/** Compiled helper scripts (stub server, child probes) live next to this file. */
export function sibling(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}
