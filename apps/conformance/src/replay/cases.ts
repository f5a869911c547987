import type { Plan } from "../emulator/plan.js";
import { CLOCK_SKEW_MS } from "../emulator/plan.js";
import { type Example, isNoAuth, modeledErrors, shapeOf, stsExamples, stsModel } from "../model.js";
import { WRITTEN_EXAMPLES } from "../written-examples.js";

export type CaseKind = "example" | "written" | "error" | "fault";

/** What a case must end with. */
export type Expectation =
  | { kind: "output"; output: Record<string, unknown> }
  | { kind: "error"; errorName: string; code: string; status: number };

/** One replayed call: an operation, its input, what the emulator plays and what must come back. */
export interface ConformanceCase {
  id: string;
  kind: CaseKind;
  operation: string;
  input: Record<string, unknown>;
  plan: Plan;
  expect: Expectation;
  /** Requests the emulator must see for this call (one per attempt). */
  attempts: number;
  /** Whether the client signs the call (false for noAuth operations). */
  signed: boolean;
}

function signedOp(operation: string): boolean {
  const op = stsModel().operations[operation];
  return op !== undefined && !isNoAuth(op);
}

function exampleCase(kind: "example" | "written", operation: string, example: Example): ConformanceCase {
  return {
    id: `${kind === "example" ? "example" : "written"}/${operation}/${example.id}`,
    kind,
    operation,
    input: example.input,
    plan: { output: example.output },
    expect: { kind: "output", output: example.output },
    attempts: 1,
    signed: signedOp(operation),
  };
}

function inputFor(operation: string): Record<string, unknown> {
  const example = stsExamples()[operation]?.[0] ?? WRITTEN_EXAMPLES[operation]?.[0];
  if (!example) throw new Error(`No example input for ${operation}.`);
  return example.input;
}

function errorCase(shape: string, operation: string): ConformanceCase {
  const error = shapeOf(shape).error ?? {};
  const code = error.code ?? shape;
  const status = error.httpStatusCode ?? 400;
  return {
    id: `error/${operation}/${shape}`,
    kind: "error",
    operation,
    input: inputFor(operation),
    plan: { error: { status, code, message: `${code} played by the conformance emulator.` } },
    expect: { kind: "error", errorName: shape, code, status },
    attempts: 1,
    signed: signedOp(operation),
  };
}

const CALLER = stsExamples().GetCallerIdentity?.[0];

function faultCase(name: string, plan: Plan): ConformanceCase {
  const output = CALLER?.output ?? {};
  return {
    id: `fault/GetCallerIdentity/${name}`,
    kind: "fault",
    operation: "GetCallerIdentity",
    input: {},
    plan: { ...plan, output },
    expect: { kind: "output", output },
    attempts: 2,
    signed: true,
  };
}

/** Every case: 9 documented examples, 4 written ones, one per modeled error and the fault scenarios. */
export function allCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [operation, examples] of Object.entries(stsExamples())) {
    for (const example of examples) cases.push(exampleCase("example", operation, example));
  }
  for (const [operation, examples] of Object.entries(WRITTEN_EXAMPLES)) {
    for (const example of examples) cases.push(exampleCase("written", operation, example));
  }
  for (const { shape, operation } of modeledErrors()) cases.push(errorCase(shape, operation));
  cases.push(
    faultCase("throttling-then-success", { faults: ["throttle"] }),
    faultCase("503-then-success", { faults: ["unavailable"] }),
    faultCase("connection-reset-then-success", { faults: ["reset"] }),
    faultCase("timeout-then-success", { faults: ["hang"] }),
    faultCase("clock-skew-15-minutes", { clockSkewMs: CLOCK_SKEW_MS }),
  );
  return cases;
}
