import { spawn } from "node:child_process";
import { type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

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

/** A script that sends three requests on the built package, then runs `finish`. */
function script(finish: string): string {
  const entry = new URL("../dist/index.js", import.meta.url).href;
  return `
    import { FetchTransport } from ${JSON.stringify(entry)};
    // A request timeout far past the test's limit: nothing may wait for it.
    const transport = new FetchTransport({ requestTimeoutMs: 60_000 });
    const url = new URL("/drip?chunks=2&ms=10", ${JSON.stringify(server.url.href)});
    await Promise.all([1, 2, 3].map(() => transport.send({ method: "GET", url, headers: {} })));
    ${finish}
  `;
}

describe("FetchTransport process exit", () => {
  it("lets the process exit on its own after close()", async () => {
    expect(await runNode(script("await transport.close();"), 5_000)).toBe(0);
  });

  it("lets the process exit on its own when close() is forgotten (no timer left behind)", async () => {
    expect(await runNode(script(""), 5_000)).toBe(0);
  });
});
