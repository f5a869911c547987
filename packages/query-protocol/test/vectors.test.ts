import { describe, expect, it } from "vitest";
import { type OperationModel, parseError, parseResponse, serialize } from "../src/index.js";
import { formPairs, loadVectors, suiteModel, toVectorForm } from "./support.js";

interface InputCase {
  id?: string;
  description: string;
  given: OperationModel;
  params: Record<string, unknown>;
  serialized: { body?: string; headers?: Record<string, string> };
}

interface OutputCase {
  id?: string;
  description: string;
  given: OperationModel;
  response: { status_code: number; body?: string };
  result?: Record<string, unknown>;
  error?: Record<string, unknown>;
  errorCode?: string;
  errorMessage?: string;
}

const inputSuites = loadVectors<InputCase>("input.json");
const outputSuites = loadVectors<OutputCase>("output.json");
const ZERO_TOKEN = "00000000-0000-4000-8000-000000000000";

const inputCases = inputSuites.flatMap((suite) =>
  suite.cases.map((c) => ({ name: `${c.given.name}: ${c.id ?? c.description}`, suite, c })),
);
const outputCases = outputSuites.flatMap((suite) =>
  suite.cases.map((c) => ({ name: `${c.given.name}: ${c.id ?? c.description}`, suite, c })),
);

describe("botocore awsQuery input vectors", () => {
  it("has all 38 cases", () => expect(inputCases).toHaveLength(38));

  it.each(inputCases)("serializes $name", ({ suite, c }) => {
    const model = suiteModel(suite, c.given);
    const body = serialize(c.given.name, c.params, model, { idempotencyToken: () => ZERO_TOKEN });
    if (c.serialized.body !== undefined) {
      expect(formPairs(body)).toEqual(formPairs(c.serialized.body));
    } else {
      // Request-compression cases list no body: the form must still carry every param.
      const pairs = formPairs(body);
      for (const [key, value] of Object.entries(c.params)) expect(pairs).toContain(`${key}=${value}`);
    }
  });
});

describe("botocore awsQuery output vectors", () => {
  it("has all 38 cases", () => expect(outputCases).toHaveLength(38));

  it.each(outputCases)("parses $name", ({ suite, c }) => {
    const model = suiteModel(suite, c.given);
    const body = c.response.body ?? "";
    if (c.error !== undefined) {
      const error = parseError(c.response.status_code, body, model);
      const message = error.message === "" ? {} : { Message: error.message };
      expect({ ...(toVectorForm(error.fields) as object), ...message }).toEqual(c.error);
      expect(error.status).toBe(c.response.status_code);
      expect(error.requestId).toBe("foo-id");
      expect(error.type).toBe("Sender");
    } else {
      const { output } = parseResponse(c.given.name, body, model);
      expect(toVectorForm(output)).toEqual(c.result);
    }
  });
});
