import { execFile } from "node:child_process";
import { APP_DIR } from "./paths.js";

/**
 * Runs `node <args>` in apps/bench (so bare imports resolve from its node_modules) and returns
 * the last stdout line parsed as JSON. The SDK's Node-version notice on stderr is dropped.
 */
export function runNodeJson<T>(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: APP_DIR, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `node ${args[0]} failed: ${stderr.trim().split("\n").slice(-3).join(" ") || error.message}`,
            ),
          );
          return;
        }
        const last = stdout.trim().split("\n").at(-1) ?? "";
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`node ${args[0]} printed no JSON result: ${last.slice(0, 120)}`));
        }
      },
    );
  });
}
