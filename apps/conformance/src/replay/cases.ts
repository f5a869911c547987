import { CLOCK_SKEW_MS, type Plan } from "@lanyard/sts-emulator";
import {
  type Example,
  isNoAuth,
  shapeOf,
  stsExamples,
  stsModel,
  WRITTEN_EXAMPLES,
} from "@lanyard/sts-emulator/model";
import { modeledErrors } from "./modeled-errors.js";

export type CaseKind = "example" | "written" | "error" | "auth" | "fault";

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
  /** Credentials the client signs with instead of the test identity's. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** The emulator's verdict on every attempt's signature; default `verified` (or `unsigned`). */
  signature?: string;
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

/** Attempts per call the replay configures (the SDKs' default). */
export const MAX_ATTEMPTS = 3;

/**
 * Modeled errors the SDKs retry: STS asks callers to retry IDPCommunicationError (aws-sdk-go
 * `service/sts/customizations.go`, aws-sdk-rust `idp_comms_err_retryable`), so the call ends
 * with the error only after every attempt.
 */
const RETRYABLE_ERRORS: ReadonlySet<string> = new Set(["IDPCommunicationErrorException"]);

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
    attempts: RETRYABLE_ERRORS.has(shape) ? MAX_ATTEMPTS : 1,
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

/** The emulator's own rejections, as the client surfaces them (unmodeled: an STSServiceError named by its code). */
function authCase(
  name: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  code: string,
): ConformanceCase {
  return {
    id: `auth/GetCallerIdentity/${name}`,
    kind: "auth",
    operation: "GetCallerIdentity",
    input: {},
    plan: {},
    expect: { kind: "error", errorName: code, code, status: 403 },
    attempts: 1,
    signed: true,
    credentials,
    signature: code,
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
    authCase(
      "wrong-secret",
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-the-secret-key" },
      "SignatureDoesNotMatch",
    ),
    authCase(
      "unknown-access-key",
      { accessKeyId: "AKIDUNKNOWNEXAMPLE", secretAccessKey: "x" },
      "InvalidClientTokenId",
    ),
    faultCase("throttling-then-success", { faults: ["throttle"] }),
    faultCase("503-then-success", { faults: ["unavailable"] }),
    faultCase("connection-reset-then-success", { faults: ["reset"] }),
    faultCase("timeout-then-success", { faults: ["hang"] }),
    faultCase("clock-skew-15-minutes", { clockSkewMs: CLOCK_SKEW_MS }),
  );
  return cases;
}
