import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EndpointError, type EndpointParams, type RuleSet, resolveEndpoint } from "../src/index.js";

interface OperationInput {
  builtInParams?: Record<string, string | boolean>;
  operationParams?: Record<string, unknown>;
}

interface TestCase {
  documentation: string;
  params?: EndpointParams;
  operationInputs?: OperationInput[];
  expect: { error: string } | { endpoint: { url: string; properties?: object; headers?: object } };
}

const SERVICES = { sts: 69, iam: 26, sns: 49, sqs: 48, ec2: 54, dynamodb: 548, s3: 393 };
const TOTAL = 1187;

const load = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`./vectors/${path}`, import.meta.url), "utf8")) as T;

/**
 * Maps an SDK-level operation input onto rule-set parameters: built-ins through the
 * parameters' `builtIn` names, operation members whose name is a parameter as-is.
 */
function paramsFromOperation(ruleSet: RuleSet, input: OperationInput): EndpointParams {
  const params: EndpointParams = {};
  for (const [name, definition] of Object.entries(ruleSet.parameters)) {
    const builtIn = definition.builtIn === undefined ? undefined : input.builtInParams?.[definition.builtIn];
    if (builtIn !== undefined) params[name] = builtIn;
    const member = input.operationParams?.[name];
    if (typeof member === "string" || typeof member === "boolean") params[name] = member;
  }
  return params;
}

function check(ruleSet: RuleSet, params: EndpointParams, expected: TestCase["expect"]): void {
  if ("error" in expected) {
    let thrown: unknown;
    try {
      resolveEndpoint(ruleSet, params, { cache: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EndpointError);
    expect((thrown as EndpointError).message).toBe(expected.error);
    return;
  }
  const endpoint = resolveEndpoint(ruleSet, params, { cache: false });
  expect(endpoint.url).toBe(expected.endpoint.url);
  expect(endpoint.properties).toEqual(expected.endpoint.properties ?? {});
  expect(endpoint.headers).toEqual(expected.endpoint.headers ?? {});
}

let counted = 0;

for (const [service, count] of Object.entries(SERVICES)) {
  const ruleSet = load<RuleSet>(`${service}/endpoint-rule-set-1.json`);
  const { testCases } = load<{ testCases: TestCase[] }>(`${service}/endpoint-tests-1.json`);
  counted += testCases.length;

  describe(`${service} endpoint rules`, () => {
    it(`has the ${count} published cases`, () => {
      expect(testCases).toHaveLength(count);
    });

    it.each(testCases.map((c, i) => [`${i}: ${c.documentation}`, c] as const))("%s", (_, testCase) => {
      check(ruleSet, testCase.params ?? {}, testCase.expect);
      for (const input of testCase.operationInputs ?? []) {
        // Operation-level context the SDK adds (S3's staticContextParams such as
        // UseObjectLambdaEndpoint) is already in the case's params, so the mapped
        // operation input is laid over them.
        check(ruleSet, { ...testCase.params, ...paramsFromOperation(ruleSet, input) }, testCase.expect);
      }
    });
  });
}

describe("endpoint rule vectors", () => {
  it(`run all ${TOTAL} cases of the seven services`, () => {
    expect(counted).toBe(TOTAL);
  });
});
