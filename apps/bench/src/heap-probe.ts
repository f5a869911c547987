/**
 * Child-process probe for the heap suite, run as `node --expose-gc heap-probe.js <lanyard|sdk> <url> <calls>`.
 * Prints one JSON line: bytes retained by one client after `calls` GetCallerIdentity calls, and
 * bytes per constructed client, both measured after full GCs against baselines taken just before.
 */
import { CREDENTIALS, REGION } from "./fixtures.js";

// Enough clients that their heap outweighs what a full GC leaves behind at random (a few
// hundred kilobytes): 200 clients measured 504–1,200 bytes each across runs, 2,000 hold steady.
const CLIENTS = 2000;
const CONCURRENCY = 16;

interface Client {
  call: () => Promise<unknown>;
  close: () => Promise<unknown>;
}

type Factory = () => Client;

async function factory(kind: string, url: string): Promise<Factory> {
  const options = { region: REGION, endpoint: url, credentials: CREDENTIALS };
  if (kind === "sdk") {
    const { STSClient, GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
    return () => {
      const client = new STSClient(options);
      return {
        call: () => client.send(new GetCallerIdentityCommand({})),
        close: async () => client.destroy(),
      };
    };
  }
  const { STSClient } = await import("@lanyard/sts-client");
  return () => {
    const client = new STSClient(options);
    return { call: () => client.getCallerIdentity(), close: () => client.close() };
  };
}

function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const [kind = "lanyard", url = "", callsArg = "10000"] = process.argv.slice(2);
  const make = await factory(kind, url);
  // One client made and used first, and a batch made and dropped, so lazily loaded modules,
  // caches and the code and feedback that constructing needs are not charged to what follows.
  const warm = make();
  await warm.call();
  Array.from({ length: 100 }, make);
  // The calls are measured before the clients are built: thousands of dropped clients (the
  // SDK's hold timers and sockets' state) are not all collected by the next full GC.
  const idle = settledHeap();
  const calls = Number(callsArg);
  let next = 0;
  const worker = async () => {
    while (next++ < calls) await warm.call();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const afterCalls = settledHeap() - idle;
  const baseline = settledHeap();
  const clients = Array.from({ length: CLIENTS }, make);
  const perClient = (settledHeap() - baseline) / clients.length;
  await warm.close();
  console.log(JSON.stringify({ perClient, afterCalls, calls }));
  process.exit(0);
}

void main();
