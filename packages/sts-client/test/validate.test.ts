import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors.js";
import { AssumeRole, GetCallerIdentity } from "../src/generated/operations.generated.js";
import { validate, validationIssues } from "../src/validate.js";

const good = { RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "session" };

describe("validate", () => {
  it("accepts a valid input", () => {
    expect(validationIssues(AssumeRole, good)).toEqual([]);
    expect(validationIssues(GetCallerIdentity, {})).toEqual([]);
  });

  it("lists every bad member at once: required, length, range and pattern", () => {
    const issues = validationIssues(AssumeRole, {
      RoleArn: "short",
      DurationSeconds: 10,
      ExternalId: "has spaces!",
      Tags: [{ Key: "", Value: "v" }],
    });
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ["RoleSessionName", "required"],
      ["RoleArn", "length"],
      ["DurationSeconds", "range"],
      ["Tags[0].Key", "length"],
      ["ExternalId", "pattern"],
    ]);
  });

  it("throws a ValidationError naming the operation and each path", () => {
    expect(() => validate(AssumeRole, { RoleArn: good.RoleArn } as never)).toThrow(ValidationError);
    try {
      validate(AssumeRole, { RoleArn: 7 } as never);
    } catch (error) {
      expect((error as ValidationError).code).toBe("validation");
      expect((error as Error).message).toContain("AssumeRole input is invalid");
      expect((error as Error).message).toContain("RoleArn: must be a string, got number");
      expect((error as Error).message).toContain("RoleSessionName: is required");
    }
  });

  it("never echoes the value of a member in its messages", () => {
    const secret = "SUPERSECRET value with spaces";
    const issues = validationIssues(AssumeRole, { ...good, SerialNumber: secret, TokenCode: secret });
    expect(issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(issues)).not.toContain("SUPERSECRET");
  });

  it("counts length in code points, as Smithy's @length does", () => {
    const emoji = "😀".repeat(2);
    expect(validationIssues(AssumeRole, { ...good, RoleSessionName: emoji }).map((i) => i.rule)).toEqual(["pattern"]);
  });
});
