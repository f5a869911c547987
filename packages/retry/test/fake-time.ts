/** A virtual clock whose sleep advances time instantly, so no test really waits. */
export interface FakeTime {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  advance: (ms: number) => void;
  sleeps: number[];
}

export function fakeTime(start = Date.UTC(2026, 0, 1)): FakeTime {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps,
  };
}

/** A sleep that never resolves on its own (to prove abort settles the wait). */
export const neverSleep = (): Promise<void> => new Promise<void>(() => {});
