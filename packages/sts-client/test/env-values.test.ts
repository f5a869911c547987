// AWS_STS_REGIONAL_ENDPOINTS is read by the same rules as every other setting with a fixed set of
// values: on Node an unknown value fails the client where it is made (botocore raises
// InvalidSTSRegionalEndpointsConfigError), naming the variable and what it takes, not the value.
import { describe, expect, it } from "vitest";
import { STSClient, STSClientError } from "../src/index.js";

function makeWith(env: Record<string, string>, config = {}): unknown {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return new STSClient({ region: "us-east-1", ...config });
  } catch (error) {
    return error;
  } finally {
    process.env = saved;
  }
}

describe("AWS_STS_REGIONAL_ENDPOINTS", () => {
  it("that is neither regional nor legacy is a config error naming both", () => {
    const error = makeWith({ AWS_STS_REGIONAL_ENDPOINTS: "bogus" });
    expect(error).toBeInstanceOf(STSClientError);
    expect(error).toMatchObject({ code: "config" });
    expect((error as Error).message).toMatch(/AWS_STS_REGIONAL_ENDPOINTS.*regional, legacy/);
    expect((error as Error).message).not.toContain("bogus");
  });

  it("is not read when the stsRegionalEndpoints option is given, and is unset when empty", () => {
    expect(
      makeWith({ AWS_STS_REGIONAL_ENDPOINTS: "bogus" }, { stsRegionalEndpoints: "legacy" }),
    ).toBeInstanceOf(STSClient);
    expect(makeWith({ AWS_STS_REGIONAL_ENDPOINTS: "" })).toBeInstanceOf(STSClient);
  });
});
