import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/harness/artifacts.js";

const run = promisify(execFile);

// The repository's portability check (scripts/check-portable.mjs) runs here so that `npm test`,
// and with it CI, fails when a core package starts importing a `node:` module or a Node global.
describe("scripts/check-portable.mjs", () => {
  it("bundles every core package for browsers and workers with no Node dependency", async () => {
    const script = join(REPO_ROOT, "scripts", "check-portable.mjs");
    const outcome = await run(process.execPath, [script], { cwd: REPO_ROOT }).then(
      ({ stdout }) => ({ ok: true, output: stdout }),
      (error: { stdout?: string; stderr?: string; message: string }) => ({
        ok: false,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}` || error.message,
      }),
    );
    expect(outcome.ok, outcome.output).toBe(true);
    expect(outcome.output).toMatch(/^portable: \d+ entry points build for browsers and workers/m);
  });
});
