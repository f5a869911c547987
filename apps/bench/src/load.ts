import { performance } from "node:perf_hooks";
import { median, percentile } from "./measure.js";

export interface LoadTiming {
  warmupMs: number;
  roundMs: number;
  rounds: number;
}

export const QUICK_LOAD: LoadTiming = { warmupMs: 150, roundMs: 250, rounds: 2 };
export const FULL_LOAD: LoadTiming = { warmupMs: 1000, roundMs: 1500, rounds: 5 };

export interface LoadContender {
  name: string;
  call: () => Promise<unknown>;
  concurrency: number;
}

export interface LoadResult {
  name: string;
  callsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  rounds: number[];
}

interface Round {
  callsPerSec: number;
  latencies: number[];
}

/** Keeps `concurrency` calls in flight for `durationMs`; every call's latency is recorded. */
export async function runLoad(
  call: () => Promise<unknown>,
  concurrency: number,
  durationMs: number,
): Promise<Round> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await call();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { callsPerSec: (latencies.length * 1000) / (performance.now() - start), latencies };
}

/** Warm-up, then interleaved rounds in rotating order; throughput is the median round, latency pooled. */
export async function compareLoad(
  contenders: readonly LoadContender[],
  timing: LoadTiming,
): Promise<LoadResult[]> {
  for (const contender of contenders) await runLoad(contender.call, contender.concurrency, timing.warmupMs);
  const rounds = contenders.map(() => [] as Round[]);
  for (let round = 0; round < timing.rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      const contender = contenders[index]!;
      rounds[index]!.push(await runLoad(contender.call, contender.concurrency, timing.roundMs));
    }
  }
  return contenders.map((contender, i) => {
    const own = rounds[i]!;
    const latencies = own.flatMap((r) => r.latencies).sort((a, b) => a - b);
    return {
      name: contender.name,
      callsPerSec: median(own.map((r) => r.callsPerSec)),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      rounds: own.map((r) => r.callsPerSec),
    };
  });
}
