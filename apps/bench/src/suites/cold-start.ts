import {
  BASELINE,
  type ColdStartScript,
  instrumented,
  LANYARD_ONE_SHOT,
  ONE_SHOT_SCRIPTS,
  SDK_ONE_SHOT,
} from "../cold-start/scripts.js";
import { type ProcessTiming, timeProcess } from "../cold-start/spawn-to-exit.js";
import { median } from "../measure.js";
import { startStub } from "../stub-client.js";
import { errorMessage, type Row, type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";
import { CliSampler } from "./cold-start-cli.js";

type Samples = Map<string, ProcessTiming[]>;

/** Runs every script `runs` times, interleaved so machine noise hits them alike. */
async function sample(
  context: SuiteContext,
  runs: number,
  stubUrl: string,
  cli: CliSampler,
): Promise<{ samples: Samples; errors: Map<string, string> }> {
  const samples: Samples = new Map(ONE_SHOT_SCRIPTS.map((script) => [script.name, []]));
  const errors = new Map<string, string>();
  for (let i = 0; i < runs; i++) {
    context.log(`cold-start: run ${i + 1}/${runs}`);
    for (const script of ONE_SHOT_SCRIPTS) {
      if (errors.has(script.name)) continue;
      try {
        samples.get(script.name)!.push(await timeProcess(instrumented(script.code), { STUB_URL: stubUrl }));
      } catch (error) {
        errors.set(script.name, errorMessage(error));
      }
    }
    await cli.runOnce();
  }
  return { samples, errors };
}

function medianOf(
  timings: ProcessTiming[],
  pick: (timing: ProcessTiming) => number | undefined,
): number | undefined {
  const values = timings.map(pick).filter((value): value is number => value !== undefined);
  return values.length === 0 ? undefined : median(values);
}

/** A spawn-to-exit row: the median wall time over the `node -e 0` baseline, with the exit lag beside it. */
function oneShotRow(
  script: ColdStartScript,
  timings: ProcessTiming[],
  baselineMs: number,
  error?: string,
): Row {
  const extra: Record<string, number> = {};
  const wall = medianOf(timings, (t) => t.wallMs);
  const exitLag = medianOf(timings, (t) => t.exitLagMs);
  if (wall !== undefined) extra.wallMs = wall;
  if (exitLag !== undefined && script.name !== BASELINE) extra.exitLagMs = exitLag;
  const value =
    script.name === BASELINE ? (wall ?? Number.NaN) : wall === undefined ? Number.NaN : wall - baselineMs;
  return {
    name: script.name,
    value: error ? Number.NaN : value,
    samples: timings.map((t) => t.wallMs),
    extra,
    ...(script.reference ? { reference: script.reference } : {}),
    ...(error ? { error } : {}),
  };
}

/** In-process rows from the scripts' own marks: import alone, and import + first call. */
function inProcessRows(samples: Samples): Row[] {
  const pairs: [string, string, string | undefined][] = [
    [LANYARD_ONE_SHOT, "lanyard", undefined],
    [SDK_ONE_SHOT, "@aws-sdk/client-sts", "lanyard"],
  ];
  const rows: Row[] = [];
  for (const [script, label, reference] of pairs) {
    const timings = samples.get(script) ?? [];
    for (const [mark, what] of [
      ["import", "import"],
      ["firstCall", "import + first call"],
    ] as const) {
      const value = medianOf(timings, (t) => t.report[mark]);
      if (value === undefined) continue;
      rows.push({
        name: `${label} ${what} (in-process)`,
        value,
        ...(reference ? { reference: `${reference} ${what} (in-process)` } : {}),
      });
    }
  }
  return rows;
}

/**
 * Fresh processes, median of N: spawn to exit over a `node -e 0` baseline (the user's wait,
 * including any time the process lingers after its last call), the lag from the last call or
 * `close()` to the exit, and the scripts' own in-process import and first-call times.
 */
export async function coldStartSuite(context: SuiteContext): Promise<SuiteResult> {
  const runs = context.quick ? 3 : 11;
  const stub = await startStub();
  const cli = new CliSampler(stub.http1Url);
  let measured: Awaited<ReturnType<typeof sample>>;
  try {
    measured = await sample(context, runs, stub.http1Url, cli);
  } finally {
    await stub.stop();
  }
  const { samples, errors } = measured;
  const baselineMs = medianOf(samples.get(BASELINE) ?? [], (t) => t.wallMs) ?? 0;
  const rows = [
    ...ONE_SHOT_SCRIPTS.map((script) =>
      oneShotRow(script, samples.get(script.name) ?? [], baselineMs, errors.get(script.name)),
    ),
    ...inProcessRows(samples),
    ...cli.rows(),
  ];
  return {
    suite: "cold-start",
    unit: "ms",
    lowerIsBetter: true,
    baseline: LANYARD_ONE_SHOT,
    // The baseline is what every row is measured over, not a peer to beat.
    rows: withAdvantage(rows, LANYARD_ONE_SHOT, true).map((row) =>
      row.name === BASELINE ? { ...row, lanyardAdvantage: undefined } : row,
    ),
    notes: [
      `median of ${runs} fresh processes each; one-shot rows are spawn to exit minus the baseline's ${baselineMs.toFixed(1)} ms`,
      "exitLagMs: from the script's last call (or close()) to the process's exit; in-process rows are timed from the script's first line",
      ...cli.notes(),
    ],
  };
}
