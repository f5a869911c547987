import { type ChildProcess, fork } from "node:child_process";
import { sibling } from "./paths.js";
import type { StubPorts } from "./stub-server.js";

export interface RunningStub {
  ports: StubPorts;
  http1Url: string;
  h2cUrl: string;
  stop(): Promise<void>;
}

function stubScript(): string {
  // From dist/ the compiled script sits beside this file; under vitest (src/) the built one is used.
  return sibling("stub-server.js").replace(/\/src\/stub-server\.js$/, "/dist/stub-server.js");
}

/** Forks the stub server (its own process and event loop) and waits for its ports. */
export function startStub(): Promise<RunningStub> {
  // execArgv is not inherited: a parent run with --input-type, --cpu-prof or --expose-gc must not pass them on.
  const child: ChildProcess = fork(stubScript(), [], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`stub server exited early with code ${code}`)));
    child.once("message", (message) => {
      const ports = message as StubPorts;
      resolve({
        ports,
        http1Url: `http://127.0.0.1:${ports.http1}`,
        h2cUrl: `http://127.0.0.1:${ports.h2c}`,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.disconnect();
          }),
      });
    });
  });
}
