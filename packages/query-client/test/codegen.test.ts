import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateClient, jsPattern } from "../src/codegen/index.js";
import { iamOptions } from "./fixtures/iam/iam-options.mjs";

describe("the generator", () => {
  it("translates every model pattern into a JavaScript regex that compiles with the u flag", () => {
    const { model } = iamOptions();
    const patterns = Object.values(model.shapes).flatMap((shape) => (shape.pattern ? [shape.pattern] : []));
    expect(patterns.length).toBeGreaterThan(3);
    for (const pattern of [...patterns, "[\\u10000-\\u10FFFF\\:]+"]) {
      expect(() => new RegExp(jsPattern(pattern), "u"), pattern).not.toThrow();
    }
  });

  it("takes every name from the model's serviceId", () => {
    const files = generateClient(iamOptions());
    expect(files["client.generated.ts"]).toContain("export class IAMClient extends IAMBaseClient");
    expect(files["service.generated.ts"]).toContain('endpointVariable: "AWS_ENDPOINT_URL_IAM"');
    expect(files["errors.generated.ts"]).toContain("export class IAMServiceError extends ServiceError");
  });

  it("refuses a model of another protocol", () => {
    const options = iamOptions();
    options.model.metadata.protocol = "json";
    expect(() => generateClient(options)).toThrow(/speaks json, not awsQuery/);
  });

  it("refuses a rule-set built-in no setting feeds", () => {
    const options = iamOptions();
    options.ruleSet.parameters.UseGlobalEndpoint = { type: "Boolean", builtIn: "AWS::Example::Global" };
    expect(() => generateClient(options)).toThrow(/no setting feeds the built-in AWS::Example::Global/);
  });
});

describe("the runtime", () => {
  it("names no service: no file of src/ mentions STS", () => {
    const dir = new URL("../src/", import.meta.url);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(`${file.parentPath}/${file.name}`, "utf8");
      expect(text, file.name).not.toMatch(/\bsts|STS/);
    }
  });
});
