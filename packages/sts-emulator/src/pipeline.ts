import { type ErrorAnswer, errorAnswer } from "./answer.js";
import { authenticate, isSigned } from "./auth/authenticate.js";
import type { CredentialStore, SigningIdentity } from "./identity/store.js";
import { decodeInput, type FormPairs } from "./input/form.js";
import { validateInput } from "./input/validate.js";
import { exampleOutput, findOperation, isNoAuth, stsModel } from "./model/load.js";
import { denied, OPERATIONS, type Outcome } from "./operations/index.js";
import type { Plan } from "./plan.js";
import type { ReceivedRequest } from "./reply.js";

/**
 * How operations answer: `emulated` issues and remembers credentials and answers for the
 * caller; `examples` answers every operation with its documented example output.
 */
export type AnswerMode = "emulated" | "examples";

/** What one request needs besides itself. */
export interface Step {
  form: FormPairs;
  plan: Plan;
  /** 0 for the first request of a key, 1 for its retry, … */
  attempt: number;
  now: number;
  region: string;
  answers: AnswerMode;
  store: CredentialStore;
}

/** The outcome of one request. */
export type Answer =
  | { kind: "output"; action: string; output: Record<string, unknown> }
  | { kind: "error"; error: ErrorAnswer }
  | { kind: "reset" }
  | { kind: "hang" };

const THROTTLING = errorAnswer(400, "Throttling", "Rate exceeded");
const UNAVAILABLE: ErrorAnswer = {
  status: 503,
  code: "ServiceUnavailable",
  message: "Service is unavailable, please retry.",
  type: "Receiver",
};

function operationOf(form: FormPairs): { action: string } | { error: ErrorAnswer } {
  const action = form.find(([name]) => name === "Action")?.[1];
  if (action === undefined) return { error: errorAnswer(400, "MissingAction", "Missing Action") };
  const version = form.find(([name]) => name === "Version")?.[1] ?? stsModel().metadata.apiVersion;
  if (findOperation(action) === undefined || version !== stsModel().metadata.apiVersion) {
    return {
      error: errorAnswer(400, "InvalidAction", `Could not find operation ${action} for version ${version}`),
    };
  }
  return { action };
}

function emulate(
  action: string,
  input: Record<string, unknown>,
  caller: SigningIdentity | undefined,
  step: Step,
): Outcome {
  if (step.answers === "examples") return { output: exampleOutput(action) };
  const refused = caller && denied(caller.principal, action);
  if (refused) return { error: refused };
  return OPERATIONS[action]!({ input, caller, now: step.now, store: step.store });
}

/** A programmed fault for this attempt, or a programmed error. */
function programmedFailure(plan: Plan, attempt: number): Answer | undefined {
  const fault = plan.faults?.[attempt];
  if (fault === "reset" || fault === "hang") return { kind: fault };
  if (fault === "throttle") return { kind: "error", error: THROTTLING };
  if (fault === "unavailable") return { kind: "error", error: UNAVAILABLE };
  if (plan.error) return { kind: "error", error: plan.error };
  return undefined;
}

/** What the records keep of a request besides its form: set as the request is answered. */
export interface Trace {
  action: string | undefined;
  /** `verified`, `unsigned`, or the error code the signature was rejected with. */
  signature: string;
}

/**
 * One request, in STS's order: the action, the signature (required unless the model marks the
 * operation noAuth; checked whenever present), the input's constraints, then a programmed fault,
 * error or output, and otherwise the operation's answer.
 */
export function answerRequest(request: ReceivedRequest, step: Step, trace: Trace): Answer {
  trace.action = step.form.find(([name]) => name === "Action")?.[1];
  const op = operationOf(step.form);
  if ("error" in op) return { kind: "error", error: op.error };
  const { action } = op;
  const operation = findOperation(action)!;
  let caller: SigningIdentity | undefined;
  if (isSigned(request) || !isNoAuth(operation)) {
    const auth = authenticate(request, { now: step.now, region: step.region, store: step.store });
    trace.signature = "error" in auth ? auth.error.code : "verified";
    if ("error" in auth) return { kind: "error", error: auth.error };
    caller = auth.identity;
  }
  const input = decodeInput(operation, step.form);
  const invalid = validateInput(operation, input);
  if (invalid) return { kind: "error", error: invalid };
  const fault = programmedFailure(step.plan, step.attempt);
  if (fault) return fault;
  if (step.plan.output) return { kind: "output", action, output: step.plan.output };
  const outcome = emulate(action, input, caller, step);
  return "error" in outcome
    ? { kind: "error", error: outcome.error }
    : { kind: "output", action, ...outcome };
}
