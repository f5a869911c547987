import { type OperationModel, parseError, parseResponse, type ShapeMap } from "@lanyard/query-protocol";
import { jsonEqual, toVectorForm } from "./vector-form.js";

/** One case of botocore's `tests/unit/protocols/output/query.json`. */
export interface OutputCase {
  id?: string;
  description: string;
  given: OperationModel;
  response: { status_code: number; body?: string };
  result?: Record<string, unknown>;
  error?: Record<string, unknown>;
}

export interface OutputSuite {
  metadata: { apiVersion: string; protocol: string };
  shapes: ShapeMap;
  cases: OutputCase[];
}

/** What a case decoded to, in the vectors' JSON form, and whether it matched. */
export interface CaseOutcome {
  name: string;
  pass: boolean;
  actual: unknown;
  problem?: string;
}

export function caseName(testCase: OutputCase): string {
  return `${testCase.given.name}: ${testCase.id ?? testCase.description}`;
}

// Errors are compared as botocore shows them: the decoded fields plus `Message`, with the
// envelope's status, request id and type alongside.
function decodeCase(suite: OutputSuite, testCase: OutputCase): { actual: unknown; expected: unknown } {
  const model = {
    metadata: suite.metadata,
    operations: { [testCase.given.name]: testCase.given },
    shapes: suite.shapes,
  };
  const body = testCase.response.body ?? "";
  if (testCase.error === undefined) {
    const { output } = parseResponse(testCase.given.name, body, model);
    return { actual: toVectorForm(output), expected: testCase.result };
  }
  const error = parseError(testCase.response.status_code, body, model);
  const message = error.message === "" ? {} : { Message: error.message };
  return {
    actual: {
      error: { ...(toVectorForm(error.fields) as object), ...message },
      status: error.status,
      requestId: error.requestId,
      type: error.type,
    },
    expected: {
      error: testCase.error,
      status: testCase.response.status_code,
      requestId: "foo-id",
      type: "Sender",
    },
  };
}

export function runCase(suite: OutputSuite, testCase: OutputCase): CaseOutcome {
  const name = caseName(testCase);
  try {
    const { actual, expected } = decodeCase(suite, testCase);
    return { name, pass: jsonEqual(actual, expected), actual };
  } catch (error) {
    const problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { name, pass: false, actual: undefined, problem };
  }
}
