import { runNodeJson } from "../child.js";
import { sibling } from "../paths.js";
import { startStub } from "../stub-client.js";
import { errorMessage, type Row, type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

interface ProbeResult {
  perClient: number;
  afterCalls: number;
  calls: number;
}

const KINDS = [
  { kind: "lanyard", label: "lanyard" },
  { kind: "sdk", label: "@aws-sdk/client-sts" },
] as const;

function probeScript(): string {
  return sibling("heap-probe.js").replace(/\/src\/heap-probe\.js$/, "/dist/heap-probe.js");
}

/** Heap retained per constructed client and by one client after many calls, in fresh `--expose-gc` processes. */
export async function heapSuite(context: SuiteContext): Promise<SuiteResult> {
  const calls = context.quick ? 2_000 : 10_000;
  const stub = await startStub();
  const rows: Row[] = [];
  try {
    for (const { kind, label } of KINDS) {
      context.log(`heap: ${label}`);
      try {
        const result = await runNodeJson<ProbeResult>([
          "--expose-gc",
          probeScript(),
          kind,
          stub.http1Url,
          String(calls),
        ]);
        rows.push({ name: `${label} per client`, value: result.perClient, reference: "lanyard per client" });
        rows.push({
          name: `${label} after ${calls} calls`,
          value: result.afterCalls,
          reference: `lanyard after ${calls} calls`,
        });
      } catch (error) {
        rows.push({ name: `${label} per client`, value: Number.NaN, error: errorMessage(error) });
      }
    }
  } finally {
    await stub.stop();
  }
  return {
    suite: "heap",
    unit: "bytes",
    lowerIsBetter: true,
    baseline: "lanyard per client",
    rows: withAdvantage(rows, "lanyard per client", true),
    notes: [
      "per client: 2,000 clients constructed (static credentials, endpoint override), heap delta after GC / 2,000",
    ],
  };
}
