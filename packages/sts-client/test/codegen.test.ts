import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate, jsPattern } from "../codegen/generate.mjs";
import { stsModel, stsOptions } from "../codegen/sts.mjs";

const model = stsModel() as {
  operations: Record<string, unknown>;
  shapes: Record<string, { pattern?: string }>;
};

describe("codegen", () => {
  it("regenerating from the vendored model reproduces src/generated/ byte for byte", () => {
    const files = generate(model, stsOptions());
    expect(Object.keys(files).sort()).toEqual([
      "client.generated.ts",
      "errors.generated.ts",
      "operations.generated.ts",
      "rule-set.generated.ts",
      "shapes.generated.ts",
      "types.generated.ts",
    ]);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(new URL(`../src/generated/${name}`, import.meta.url), "utf8"), name).toBe(text);
    }
  });

  it("generates all 11 STS operations", () => {
    expect(Object.keys(model.operations)).toHaveLength(11);
  });

  it("translates every model pattern into a JavaScript regex that compiles with the u flag", () => {
    const patterns = Object.values(model.shapes).flatMap((shape) => (shape.pattern ? [shape.pattern] : []));
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(() => new RegExp(jsPattern(pattern), "u"), pattern).not.toThrow();
  });

  it("stays service-agnostic: a tiny non-STS model generates with its own names", () => {
    const files = generate(
      {
        metadata: { apiVersion: "2010-05-08", protocol: "query", serviceId: "IAM" },
        operations: {
          GetUser: {
            name: "GetUser",
            input: { shape: "GetUserRequest" },
            output: { shape: "GetUserResponse", resultWrapper: "GetUserResult" },
          },
        },
        shapes: {
          GetUserRequest: { type: "structure", members: { UserName: { shape: "name" } } },
          GetUserResponse: { type: "structure", members: {} },
          name: { type: "string", min: 1, max: 64 },
        },
      },
      {
        serviceName: "IAM",
        clientClass: "IAMClient",
        baseClientClass: "IAMBaseClient",
        serviceErrorClass: "IAMServiceError",
        docsUrl: (op) => `https://docs.aws.amazon.com/IAM/latest/APIReference/API_${op}.html`,
      },
    );
    expect(files["client.generated.ts"]).toContain("export class IAMClient extends IAMBaseClient");
    expect(files["client.generated.ts"]).toContain("getUser(input: GetUserRequest = {}");
    expect(files["operations.generated.ts"]).toContain("API_GetUser.html");
  });
});
