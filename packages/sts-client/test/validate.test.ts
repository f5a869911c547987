import { ValidationError, validate, validationIssues } from "@lanyard/query-client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AssumeRoleOperation as AssumeRole,
  GetCallerIdentityOperation as GetCallerIdentity,
} from "../src/generated/operations.generated.js";

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
    expect(validationIssues(AssumeRole, { ...good, RoleSessionName: emoji }).map((i) => i.rule)).toEqual([
      "pattern",
    ]);
  });
});

describe("validate (properties)", () => {
  const sessionChar = fc.constantFrom(..."abcXYZ019+=,.@-_".split(""));
  const arn = "arn:aws:iam::123456789012:role/demo";

  it("accepts every session name of 2–64 allowed characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: sessionChar, minLength: 2, maxLength: 64 }), (name) => {
        expect(validationIssues(AssumeRole, { RoleArn: arn, RoleSessionName: name })).toEqual([]);
      }),
    );
  });

  it("reports exactly one length issue for a session name that is too long", () => {
    fc.assert(
      fc.property(fc.string({ unit: sessionChar, minLength: 65, maxLength: 200 }), (name) => {
        const issues = validationIssues(AssumeRole, { RoleArn: arn, RoleSessionName: name });
        expect(issues.map((i) => [i.path, i.rule])).toEqual([["RoleSessionName", "length"]]);
      }),
    );
  });

  it("checks DurationSeconds as an inclusive 900–43200 range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (seconds) => {
        const ok = seconds >= 900 && seconds <= 43200;
        const issues = validationIssues(AssumeRole, {
          RoleArn: arn,
          RoleSessionName: "s1",
          DurationSeconds: seconds,
        });
        expect(issues.length === 0).toBe(ok);
      }),
    );
  });
});
