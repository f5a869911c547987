import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoopbackKind, type LoopbackServer, startLoopbackServer } from "./server.js";

export interface ProcessExitOptions {
  /** The built module that exports the transport class (e.g. the package's `dist/index.js`). */
  entry: URL;
  /** The exported class name; it is constructed with `options`. */
  exportName: string;
  /** Constructor options; set every timeout far past the 5 s limit so nothing may wait for them. */
  options: Record<string, unknown>;
  /** Which loopback server the requests go to. Default `http1`. */
  kind?: Exclude<LoopbackKind, "h2">;
}

/** Runs `script` in a fresh Node process; resolves with its exit code, or "hung" after `limitMs`. */
function runNode(script: string, limitMs: number): Promise<number | "hung"> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve("hung");
    }, limitMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

/**
 * A transport must never keep its process alive: after `close()`, and also when a CLI forgets
 * to call it (no pending timer, no referenced idle socket or session). Runs the built package
 * in child processes, so what is checked is what users get.
 */
export function describeProcessExit(name: string, options: ProcessExitOptions): void {
  describe(`${name} process exit`, () => {
    let server: LoopbackServer;
    beforeAll(async () => {
      server = await startLoopbackServer({ kind: options.kind ?? "http1" });
    });
    afterAll(() => server.close());

    /** Sends three requests with the built transport, then runs `finish`. */
    const script = (finish: string) => `
      import { ${options.exportName} } from ${JSON.stringify(options.entry.href)};
      const transport = new ${options.exportName}(${JSON.stringify(options.options)});
      const url = new URL("/drip?chunks=2&ms=10", ${JSON.stringify(server.url.href)});
      await Promise.all([1, 2, 3].map(() => transport.send({ method: "GET", url, headers: {} })));
      ${finish}
    `;

    it("lets the process exit on its own after close()", async () => {
      expect(await runNode(script("await transport.close();"), 5_000)).toBe(0);
    });

    it("lets the process exit on its own when close() is forgotten (no timer, socket or session left referenced)", async () => {
      expect(await runNode(script(""), 5_000)).toBe(0);
    });
  });
}
