import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify, createRetryStrategy, type FailureInfo } from "../src/index.js";

interface AppliesWhen {
  response?: { service_error_code?: string; http_status_code?: number };
  socket_errors?: string[];
}
interface Policy {
  $ref?: string;
  applies_when?: AppliesWhen;
}

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`vectors/${name}`, import.meta.url), "utf8"));
const legacy = load("retry-legacy-botocore.json") as {
  definitions: Record<string, Policy>;
  retry: {
    __default__: { max_attempts: number; policies: Record<string, Policy> };
    sts?: { __default__?: { policies?: Record<string, Policy> } };
  };
};
const defaults = load("sdk-default-configuration.json") as { base: { retryMode: string } };

function resolve(policy: Policy): AppliesWhen {
  const applies = policy.$ref ? legacy.definitions[policy.$ref]?.applies_when : policy.applies_when;
  if (!applies) throw new Error(`unresolvable policy ${JSON.stringify(policy)}`);
  return applies;
}

// botocore's GENERAL_CONNECTION_ERROR covers every failure to get a response.
const socketFailures = ["connection-reset", "connection-refused", "timeout", "network", "closed"];

function failuresOf(applies: AppliesWhen): FailureInfo[] {
  if (applies.socket_errors) return socketFailures.map((transportCode) => ({ transportCode }));
  const response = applies.response ?? {};
  return [{ code: response.service_error_code, httpStatus: response.http_status_code }];
}

const defaultPolicies = Object.entries(legacy.retry.__default__.policies);

describe("botocore _retry.json legacy definitions", () => {
  it("has the default policies the classifier is checked against", () => {
    expect(defaultPolicies.length).toBe(12);
  });

  it.each(defaultPolicies)("retries the default policy %s", (_name, policy) => {
    for (const info of failuresOf(resolve(policy))) expect(classify(info)).not.toBe("none");
  });

  it("retries STS IDPCommunicationError once the service hook marks it modeled-retryable", () => {
    const policy = legacy.retry.sts?.__default__?.policies?.idp_unreachable_error;
    if (!policy) throw new Error("sts idp_unreachable_error policy missing from vector");
    const [info] = failuresOf(resolve(policy));
    expect(info?.code).toBe("IDPCommunicationError");
    expect(classify({ ...info })).toBe("none");
    expect(classify({ ...info, modeledRetryable: true })).toBe("modeled");
  });
});

describe("sdk-default-configuration.json", () => {
  it("defaults to the same retry mode as the SDKs", () => {
    expect(createRetryStrategy().mode).toBe(defaults.base.retryMode);
  });
});
