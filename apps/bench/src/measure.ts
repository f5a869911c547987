import { performance } from "node:perf_hooks";

/** One contender in a side-by-side measurement. */
export interface Contender {
  name: string;
  /** One operation; may be sync or async. */
  run: () => unknown;
}

export interface MeasureOptions {
  /** Unmeasured time per contender before the first round, so the JIT has settled. */
  warmupMs: number;
  /** Measured time per contender per round. */
  roundMs: number;
  /** Rounds; contenders alternate inside each round (A/B/A/B) so machine noise hits all alike. */
  rounds: number;
}

export interface Throughput {
  name: string;
  /** Median of the rounds' operations per second. */
  opsPerSec: number;
  /** Every round's operations per second, in run order. */
  rounds: number[];
}

export const QUICK_TIMING: MeasureOptions = { warmupMs: 60, roundMs: 120, rounds: 3 };
export const FULL_TIMING: MeasureOptions = { warmupMs: 500, roundMs: 400, rounds: 7 };

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}

/** Runs `run` for `durationMs`, returning operations per second. Clock reads are batched for sync work. */
export async function runFor(run: () => unknown, durationMs: number): Promise<number> {
  const start = performance.now();
  const end = start + durationMs;
  let ops = 1;
  let now = start;
  if (isPromiseLike(run())) {
    for (now = performance.now(); now < end; now = performance.now()) {
      await run();
      ops++;
    }
  } else {
    let batch = 1;
    for (now = performance.now(); now < end; now = performance.now()) {
      for (let i = 0; i < batch; i++) run();
      ops += batch;
      if (batch < 256) batch *= 2;
    }
  }
  return (ops * 1000) / (now - start);
}

/** Measures every contender with warm-up, then `rounds` interleaved rounds in a rotating order. */
export async function compare(
  contenders: readonly Contender[],
  options: MeasureOptions,
): Promise<Throughput[]> {
  for (const contender of contenders) await runFor(contender.run, options.warmupMs);
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      samples[index]!.push(await runFor(contenders[index]!.run, options.roundMs));
    }
  }
  return contenders.map((contender, i) => ({
    name: contender.name,
    opsPerSec: median(samples[i]!),
    rounds: samples[i]!,
  }));
}
