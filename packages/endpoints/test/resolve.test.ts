import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  authSchemeOf,
  CACHE_SIZE,
  EndpointError,
  type PartitionsData,
  partitions,
  type RuleSet,
  resolveEndpoint,
} from "../src/index.js";

const sts = JSON.parse(
  readFileSync(new URL("./vectors/sts/endpoint-rule-set-1.json", import.meta.url), "utf8"),
) as RuleSet;

const catchError = (fn: () => unknown): EndpointError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EndpointError) return error;
    throw error;
  }
  throw new Error("expected an EndpointError");
};

const tiny = (rules: RuleSet["rules"], parameters: RuleSet["parameters"] = {}): RuleSet => ({
  version: "1.0",
  parameters,
  rules,
});

describe("resolveEndpoint", () => {
  it("resolves a regional STS endpoint from the bundled partitions", () => {
    expect(resolveEndpoint(sts, { Region: "eu-west-1" })).toEqual({
      url: "https://sts.eu-west-1.amazonaws.com",
      properties: {},
      headers: {},
    });
  });

  it("carries the signing region and name of the global endpoint in authSchemes[0]", () => {
    const endpoint = resolveEndpoint(sts, { Region: "us-west-2", UseGlobalEndpoint: true });
    expect(endpoint.url).toBe("https://sts.amazonaws.com");
    expect(endpoint.properties.authSchemes).toEqual([
      { name: "sigv4", signingName: "sts", signingRegion: "us-east-1" },
    ]);
  });

  it("throws the error rule's message with code rule-error", () => {
    const error = catchError(() =>
      resolveEndpoint(sts, { Region: "us-east-1", UseFIPS: true, Endpoint: "https://example.com" }),
    );
    expect(error.code).toBe("rule-error");
    expect(error.message).toBe("Invalid Configuration: FIPS and custom endpoint are not supported");
  });

  it("rejects a required parameter without value or default before evaluating", () => {
    const ruleSet = tiny([{ type: "error", conditions: [], error: "evaluated" }], {
      Bucket: { type: "string", required: true },
    });
    const error = catchError(() => resolveEndpoint(ruleSet, {}));
    expect(error.code).toBe("missing-parameter");
    expect(error.message).toMatch(/Bucket is required/);
  });

  it("rejects a parameter of the wrong type before evaluating", () => {
    const error = catchError(() => resolveEndpoint(sts, { Region: "us-east-1", UseFIPS: "true" }));
    expect(error.code).toBe("invalid-parameter");
    expect(error.message).toBe("endpoint parameter UseFIPS must be a boolean; got string");
  });

  it("rejects a rule set that calls an unknown function", () => {
    const ruleSet = tiny([{ type: "error", conditions: [{ fn: "nope", argv: [] }], error: "x" }]);
    expect(catchError(() => resolveEndpoint(ruleSet, {})).code).toBe("invalid-rule-set");
  });

  it("fails with no-match when no rule applies", () => {
    const ruleSet = tiny(
      [{ type: "error", conditions: [{ fn: "isSet", argv: [{ ref: "X" }] }], error: "x" }],
      {
        X: { type: "string" },
      },
    );
    expect(catchError(() => resolveEndpoint(ruleSet, {})).code).toBe("no-match");
  });

  it("expands templates with getAttr paths and keeps doubled braces literal", () => {
    const ruleSet = tiny(
      [
        {
          type: "endpoint",
          conditions: [{ fn: "aws.parseArn", argv: [{ ref: "Arn" }], assign: "arn" }],
          endpoint: {
            url: "https://{arn#resourceId[1]}.{arn#region}.example.com/{{literal}}",
            headers: { "x-account": ["{arn#accountId}"] },
            properties: { nested: [{ service: "{arn#service}" }] },
          },
        },
      ],
      { Arn: { type: "string", required: true } },
    );
    expect(resolveEndpoint(ruleSet, { Arn: "arn:aws:s3:us-west-2:123456789012:accesspoint/ap" })).toEqual({
      url: "https://ap.us-west-2.example.com/{literal}",
      headers: { "x-account": ["123456789012"] },
      properties: { nested: [{ service: "s3" }] },
    });
  });

  it("uses custom partitions passed in options", () => {
    const custom: PartitionsData = {
      partitions: [
        {
          id: "aws",
          regionRegex: "^xx\\-\\w+\\-\\d+$",
          regions: {},
          outputs: {
            name: "aws",
            dnsSuffix: "example.test",
            dualStackDnsSuffix: "dual.example.test",
            supportsFIPS: false,
            supportsDualStack: true,
          },
        },
      ],
    };
    const params = { Region: "xx-east-1", UseDualStack: true };
    expect(resolveEndpoint(sts, params, { partitions: custom }).url).toBe(
      "https://sts.xx-east-1.dual.example.test",
    );
    expect(resolveEndpoint(sts, params).url).toBe("https://sts.xx-east-1.api.aws");
    const error = catchError(() =>
      resolveEndpoint(sts, { Region: "xx-east-1", UseFIPS: true }, { partitions: custom }),
    );
    expect(error.message).toBe("FIPS is enabled but this partition does not support FIPS");
  });

  it("extends the bundled partitions passed back as the partitions option", () => {
    const extended: PartitionsData = {
      partitions: partitions.partitions.map((p) =>
        p.id === "aws" ? { ...p, outputs: { ...p.outputs, dnsSuffix: "example.test" } } : p,
      ),
    };
    expect(resolveEndpoint(sts, { Region: "eu-west-1" }, { partitions: extended }).url).toBe(
      "https://sts.eu-west-1.example.test",
    );
    expect(resolveEndpoint(sts, { Region: "us-gov-west-1" }, { partitions: extended }).url).toBe(
      "https://sts.us-gov-west-1.amazonaws.com",
    );
  });
});

describe("result cache", () => {
  it("returns the same frozen result for identical parameters", () => {
    const first = resolveEndpoint(sts, { Region: "ap-south-1" });
    const second = resolveEndpoint(sts, { Region: "ap-south-1", UseFIPS: false });
    expect(second).toBe(first);
    expect(Object.isFrozen(first.properties)).toBe(true);
  });

  it("evaluates afresh when cache is false", () => {
    const cached = resolveEndpoint(sts, { Region: "ap-south-2" });
    const fresh = resolveEndpoint(sts, { Region: "ap-south-2" }, { cache: false });
    expect(fresh).not.toBe(cached);
    expect(fresh).toEqual(cached);
  });

  it(`keeps at most ${CACHE_SIZE} results per rule set`, () => {
    const ruleSet = structuredClone(sts);
    const first = resolveEndpoint(ruleSet, { Region: "region-0" });
    expect(resolveEndpoint(ruleSet, { Region: "region-0" })).toBe(first);
    for (let i = 1; i <= CACHE_SIZE; i++) resolveEndpoint(ruleSet, { Region: `region-${i}` });
    expect(resolveEndpoint(ruleSet, { Region: "region-0" })).not.toBe(first);
  });

  it("does not confuse a string parameter with a boolean of the same spelling", () => {
    const ruleSet = tiny(
      [
        {
          type: "endpoint",
          conditions: [{ fn: "isSet", argv: [{ ref: "S" }] }],
          endpoint: { url: "https://{S}" },
        },
        { type: "endpoint", conditions: [], endpoint: { url: "https://unset" } },
      ],
      { S: { type: "string" } },
    );
    expect(resolveEndpoint(ruleSet, {}).url).toBe("https://unset");
    expect(resolveEndpoint(ruleSet, { S: "-" }).url).toBe("https://-");
  });
});

describe("authSchemeOf", () => {
  it("fills the signing name and region a rule set leaves out", () => {
    expect(
      authSchemeOf(resolveEndpoint(sts, { Region: "eu-west-1" }), {
        signingName: "sts",
        signingRegion: "eu-west-1",
      }),
    ).toEqual({ name: "sigv4", signingName: "sts", signingRegion: "eu-west-1" });
  });

  it("prefers the rule set's signing region", () => {
    const endpoint = resolveEndpoint(sts, { Region: "us-west-2", UseGlobalEndpoint: true });
    expect(authSchemeOf(endpoint, { signingName: "sts", signingRegion: "us-west-2" }).signingRegion).toBe(
      "us-east-1",
    );
  });
});
