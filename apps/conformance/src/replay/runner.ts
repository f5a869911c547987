import { StsEmulator } from "@lanyard/sts-emulator";
import { allCases, type ConformanceCase } from "./cases.js";
import type { CellResult, ConformanceReport } from "./report.js";
import { runCase } from "./run-case.js";
import {
  createTransport,
  TRANSPORT_NAMES,
  type TransportName,
  type TransportUnderTest,
} from "./transports.js";

export interface RunOptions {
  /** Only cases whose id contains this substring. */
  filter?: string;
  /** Only these transports; default all four. */
  transports?: readonly TransportName[];
  /**
   * Per-attempt timeout of the transports; the timeout case waits it once. Default 1 500 ms:
   * long enough for a loaded CI machine, short enough for a run of seconds.
   */
  requestTimeoutMs?: number;
  /**
   * An emulator already running (with its HTTP/2 listeners, answering examples); default: one
   * started and stopped here.
   */
  emulator?: StsEmulator;
}

/** Cases run one after another per transport (a reset or hang must not hit a neighbour's stream). */
async function runTransport(
  cases: ConformanceCase[],
  target: TransportUnderTest,
  emulator: StsEmulator,
  timeoutMs: number,
): Promise<CellResult[]> {
  const results: CellResult[] = [];
  try {
    for (const [index, c] of cases.entries()) {
      // Keys use only [\w.+-]: they travel in the user agent's app/<id> too.
      results.push(await runCase(c, `case${index}.${target.name}`, target, emulator, timeoutMs * 4 + 5_000));
    }
  } finally {
    await target.transport.close();
  }
  return results;
}

/** Replays every case over every transport against a local emulator. */
export async function runConformance(options: RunOptions = {}): Promise<ConformanceReport> {
  const started = Date.now();
  const cases = allCases().filter((c) => options.filter === undefined || c.id.includes(options.filter));
  const names = options.transports ?? TRANSPORT_NAMES;
  const timeoutMs = options.requestTimeoutMs ?? 1_500;
  const emulator = options.emulator ?? (await StsEmulator.start({ http2: true, answers: "examples" }));
  try {
    const perTransport = await Promise.all(
      names.map((name) =>
        runTransport(
          cases,
          createTransport(name, emulator, { requestTimeoutMs: timeoutMs }),
          emulator,
          timeoutMs,
        ),
      ),
    );
    // Rows in case order, transports side by side.
    const results = cases.flatMap((c) =>
      perTransport.map((cells) => cells.find((cell) => cell.case === c.id)!),
    );
    const passed = results.filter((r) => r.pass).length;
    return {
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      transports: [...names],
      cases: cases.map((c) => c.id),
      passed,
      failed: results.length - passed,
      results,
    };
  } finally {
    if (!options.emulator) await emulator.close();
  }
}
