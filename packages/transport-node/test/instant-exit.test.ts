import { type LoopbackServer, startLoopbackServer } from "@lanyard/http/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRY, runNode } from "./child.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

/**
 * Runs `body` in a fresh process with a transport (one socket per origin) and helpers:
 * `send(path)` returns the body (for /connection-id, which connection carried the request);
 * `report()` counts TCP handles that keep the event loop alive (process.getActiveResourcesInfo),
 * connected sockets among the referenced handles (process._getActiveHandles; stdio pipes have
 * no remote address), and client sockets ever opened (seen on diagnostics_channel) not yet destroyed.
 */
const run = (body: string) =>
  runNode(`
    import { subscribe } from "node:diagnostics_channel";
    import { NodeHttpTransport } from ${JSON.stringify(ENTRY)};
    const opened = [];
    subscribe("net.client.socket", ({ socket }) => opened.push(socket));
    const transport = new NodeHttpTransport({ maxSockets: 1, keepAliveTimeoutMs: 60_000, requestTimeoutMs: 60_000, proxy: false });
    const send = async (path = "/connection-id") => {
      const url = new URL(path, ${JSON.stringify(server.url.href)});
      return new TextDecoder().decode((await transport.send({ method: "GET", url, headers: {} })).body);
    };
    const report = async () => {
      // Two turns of the loop: a destroyed socket's handle is released in the close phase after the first.
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
      return {
        referenced: process.getActiveResourcesInfo().filter((name) => /TCP|TLS/.test(name)).length,
        sockets: process._getActiveHandles().filter((handle) => handle.remoteAddress !== undefined).length,
        open: opened.filter((socket) => !socket.destroyed).length,
      };
    };
    ${body}
  `);

describe("NodeHttpTransport instant exit", () => {
  it("unreferences an idle pooled connection, reuses it, and the process exits without close()", async () => {
    const result = await run(`
      const first = await send();
      const idle = await report();
      const second = await send();
      console.log(JSON.stringify({ idle, reused: first === second }));
    `);
    expect(result.exit, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ idle: { referenced: 0, sockets: 0, open: 1 }, reused: true });
  }, 15_000);

  it("references the connection while a request is in flight", async () => {
    // /hang never answers, so the request is still in flight when the handles are counted
    // (a quick answer can arrive within the two loop turns report() waits, as on Node 24).
    const result = await run(`
      const pending = send("/hang").catch((error) => error.code);
      const busy = await report();
      await transport.close();
      console.log(JSON.stringify({ busy, outcome: await pending }));
    `);
    expect(result.exit, result.stderr).toBe(0);
    const { busy, outcome } = JSON.parse(result.stdout);
    expect(busy.referenced).toBeGreaterThan(0);
    expect(outcome).toBe("closed");
  }, 15_000);

  it("leaves no socket, referenced or idle, after close(), and fails what was in flight or queued", async () => {
    const result = await run(`
      const base = new URL(${JSON.stringify(server.url.href)});
      const origin = base.origin;
      await send();
      const otherOrigin = transport.send({ method: "GET", url: new URL("/hang", "http://localhost:" + base.port), headers: {} });
      const inFlight = send("/hang");
      const queued = [send("/empty"), send("/empty"), send("/empty")];
      const outcomes = Promise.allSettled([otherOrigin, inFlight, ...queued]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await transport.close();
      const codes = (await outcomes).map((outcome) => outcome.reason?.code ?? outcome.status);
      console.log(JSON.stringify({ ...(await report()), codes }));
    `);
    expect(result.exit, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      referenced: 0,
      sockets: 0,
      open: 0,
      codes: ["closed", "closed", "closed", "closed", "closed"],
    });
  }, 15_000);
});
