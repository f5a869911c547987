import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { compileRuleSet } from "../src/codegen.js";
import { EndpointError, type EndpointParams, type RuleSet, resolveEndpoint } from "../src/index.js";

interface TestCase {
  documentation: string;
  params?: EndpointParams;
  expect: { error: string } | { endpoint: { url: string; properties?: object; headers?: object } };
}

type Resolver = (params: EndpointParams) => unknown;

const SERVICES = ["sts", "iam", "sns", "sqs", "ec2", "dynamodb", "s3"];
const load = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`./vectors/${path}`, import.meta.url), "utf8")) as T;

const outDir = mkdtempSync(join(tmpdir(), "lanyard-endpoints-codegen-"));
const library = fileURLToPath(new URL("../src/index.ts", import.meta.url));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The outcome of one resolution, errors included, in a form `toEqual` compares. */
function outcome(resolve: () => unknown): unknown {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    return { code: error.code, error: error.message };
  }
}

let counted = 0;

for (const service of SERVICES) {
  const ruleSet = load<RuleSet>(`${service}/endpoint-rule-set-1.json`);
  const { testCases } = load<{ testCases: TestCase[] }>(`${service}/endpoint-tests-1.json`);
  counted += testCases.length;

  describe(`${service} rule set compiled to TypeScript`, async () => {
    const file = join(outDir, `${service}.generated.ts`);
    writeFileSync(file, compileRuleSet(ruleSet, { importFrom: library }));
    const { resolveEndpointRules } = (await import(file)) as { resolveEndpointRules: Resolver };

    it(`resolves all ${testCases.length} published cases as the interpreter does`, () => {
      for (const [i, testCase] of testCases.entries()) {
        const params = testCase.params ?? {};
        const compiled = outcome(() => resolveEndpointRules(params));
        const expected =
          "error" in testCase.expect
            ? { code: "rule-error", error: testCase.expect.error }
            : { properties: {}, headers: {}, ...testCase.expect.endpoint };
        expect(compiled, `${i}: ${testCase.documentation}`).toEqual(expected);
        expect(compiled).toEqual(outcome(() => resolveEndpoint(ruleSet, params, { cache: false })));
      }
    });
  });
}

describe("compileRuleSet", () => {
  it("writes TypeScript that typechecks strictly, with no any, for all seven rule sets", () => {
    const files = SERVICES.map((service) => join(outDir, `${service}.generated.ts`));
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitAny: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(problems).toEqual([]);
    for (const file of files) expect(readFileSync(file, "utf8")).not.toMatch(/\bany\b/);
  }, 60_000);

  it(`covers all 1187 cases of the seven services`, () => {
    expect(counted).toBe(1187);
  });

  it("imports only the library functions the rules call", () => {
    const source = compileRuleSet(load<RuleSet>("sts/endpoint-rule-set-1.json"));
    expect(source).toContain(
      'import { awsPartition, EndpointError, type ResolvedEndpoint } from "@lanyard/endpoints";',
    );
  });

  it("rejects a rule set that calls an unknown function", () => {
    const ruleSet: RuleSet = {
      version: "1.0",
      parameters: {},
      rules: [{ type: "error", conditions: [{ fn: "nope", argv: [] }], error: "x" }],
    };
    expect(() => compileRuleSet(ruleSet)).toThrow(/unknown function "nope"/);
  });
});
