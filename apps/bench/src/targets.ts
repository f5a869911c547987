import { ASSUME_ROLE_FETCH, LAMBDA, SDK_LAMBDA, WEB_IDENTITY_SPA, WORKER } from "./bundle-rows.js";
import {
  LANYARD_CLOSED,
  LANYARD_ONE_SHOT,
  LANYARD_PRESIGN,
  SDK_ONE_SHOT,
  SIGNER_PRESIGN,
} from "./cold-start/scripts.js";
import type { SuiteName, SuiteResult } from "./suite.js";

export interface TargetCheck {
  label: string;
  /** The measured figure, formatted; "n/a" when the suite did not run or a contender failed. */
  actual: string;
  /** Undefined when it could not be judged. */
  met: boolean | undefined;
}

export const KB = 1024;

type Results = Partial<Record<SuiteName, SuiteResult>>;

function rowOf(results: Results, suite: SuiteName, name: string) {
  return results[suite]?.rows.find((candidate) => candidate.name === name);
}

function value(results: Results, suite: SuiteName, row: string): number | undefined {
  const found = rowOf(results, suite, row);
  return found && Number.isFinite(found.value) ? found.value : undefined;
}

function extra(results: Results, suite: SuiteName, row: string, key: string): number | undefined {
  const found = rowOf(results, suite, row);
  return found?.error === undefined ? found?.extra?.[key] : undefined;
}

function maxCheck(label: string, ms: number | undefined, atMost: number): TargetCheck {
  if (ms === undefined) return { label, actual: "n/a", met: undefined };
  return { label, actual: `${ms.toFixed(1)} ms`, met: ms <= atMost };
}

function ratioCheck(label: string, ratio: number | undefined, atLeast: number, percent = false): TargetCheck {
  if (ratio === undefined || !Number.isFinite(ratio)) return { label, actual: "n/a", met: undefined };
  const actual = percent ? `${(ratio * 100).toFixed(0)}%` : `${ratio.toFixed(2)}×`;
  return { label, actual, met: ratio >= atLeast };
}

function div(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

function sizeCheck(label: string, bytes: number | undefined, maxKb: number): TargetCheck {
  if (bytes === undefined) return { label, actual: "n/a", met: undefined };
  return { label, actual: `${(bytes / KB).toFixed(1)} KB`, met: bytes <= maxKb * KB };
}

/** The targets, judged against this run's figures (reported, never asserted on timings). */
export function checkTargets(results: Results): TargetCheck[] {
  const sign = (row: string) => value(results, "signing", row);
  const e2e = (row: string) => value(results, "e2e", row);
  const cold = (row: string) => value(results, "cold-start", row);
  const heap = (row: string) => value(results, "heap", row);
  const bundle = (row: string) => value(results, "bundle", row);
  const lanyardSign = sign("lanyard sign (node:crypto)");
  return [
    ratioCheck("signing ≥ 2.5× @smithy/signature-v4", div(lanyardSign, sign("@smithy/signature-v4")), 2.5),
    ratioCheck("signing ≥ 1.3× aws4", div(lanyardSign, sign("aws4")), 1.3),
    ratioCheck(
      "e2e c=64, default transport (node) ≥ 3× the SDK",
      div(e2e("lanyard node c=64"), e2e("@aws-sdk/client-sts c=64")),
      3,
    ),
    ratioCheck(
      "e2e c=64, undici ≥ 4× the SDK",
      div(e2e("lanyard undici c=64"), e2e("@aws-sdk/client-sts c=64")),
      4,
    ),
    ratioCheck(
      "e2e c=64 ≥ 60% of raw undici Pool",
      div(e2e("lanyard undici c=64"), e2e("raw undici Pool c=64")),
      0.6,
      true,
    ),
    ratioCheck(
      "one-shot import + first call + exit ≤ 1/2 of the SDK's (SDK ÷ Lanyard ≥ 2×)",
      div(cold(SDK_ONE_SHOT), cold(LANYARD_ONE_SHOT)),
      2,
    ),
    ratioCheck(
      "EKS token (presign) + exit ≤ 1/3 of the SDK's (SDK ÷ Lanyard ≥ 3×)",
      div(cold(SIGNER_PRESIGN), cold(LANYARD_PRESIGN)),
      3,
    ),
    maxCheck(
      "exit ≤ 10 ms after the last call, default transport",
      extra(results, "cold-start", LANYARD_ONE_SHOT, "exitLagMs"),
      10,
    ),
    maxCheck(
      "exit ≤ 10 ms after close(), default transport",
      extra(results, "cold-start", LANYARD_CLOSED, "exitLagMs"),
      10,
    ),
    // The budgets are for the README's browser and worker examples, which call one operation
    // through its function; the `STSClient` row (every method) is reported beside them.
    sizeCheck("web-identity SPA browser bundle ≤ 10 KB gzip", bundle(WEB_IDENTITY_SPA), 10),
    sizeCheck("signed AssumeRole browser bundle ≤ 12 KB gzip", bundle(ASSUME_ROLE_FETCH), 12),
    sizeCheck("AssumeRole worker bundle ≤ 32 KB gzip", bundle(WORKER), 32),
    ratioCheck(
      "Node (Lambda) bundle ≤ 1/2 of the SDK's (SDK ÷ Lanyard ≥ 2×)",
      div(bundle(SDK_LAMBDA), bundle(LAMBDA)),
      2,
    ),
    ratioCheck(
      "heap per client ≤ 1/5 of the SDK's (SDK ÷ Lanyard ≥ 5×)",
      div(heap("@aws-sdk/client-sts per client"), heap("lanyard per client")),
      5,
    ),
  ];
}
