import { describe, expect, it } from "vitest";
import { type Env, envSettings as portableEnvSettings } from "../src/env.js";
import type { ServiceDefinition } from "../src/model.js";
import { envSettings } from "../src/platform/node-env.js";
import { type ClientConfig, resolveSettings } from "../src/settings.js";
import { IAM_SERVICE } from "./fixtures/iam/generated/service.generated.js";

// A service with one setting of its own, as STS has `stsRegionalEndpoints`.
const SERVICE: ServiceDefinition = {
  ...IAM_SERVICE,
  id: "Example Service",
  endpointVariable: "AWS_ENDPOINT_URL_EXAMPLE_SERVICE",
  settings: [{ option: "exampleMode", env: "AWS_EXAMPLE_MODE", choices: ["fast", "safe"], default: "safe" }],
};

/** What a client on Node resolves: the options, else the AWS_* variables of `env`. */
const settings = (config: ClientConfig & Record<string, unknown>, env: Env) =>
  resolveSettings(config, SERVICE, envSettings(SERVICE, config, env));

describe("client settings", () => {
  it("take each setting from the option, else the environment, else the default, and say which", () => {
    const env = {
      AWS_USE_FIPS_ENDPOINT: "TRUE",
      AWS_USE_DUALSTACK_ENDPOINT: "false",
      AWS_RETRY_MODE: "Adaptive",
      AWS_MAX_ATTEMPTS: "5",
      AWS_EXAMPLE_MODE: "fast",
    };
    expect(settings({ useDualstackEndpoint: true }, env)).toEqual({
      region: { value: undefined, source: "the default" },
      endpoint: { value: undefined, source: "the default" },
      useFipsEndpoint: { value: true, source: "AWS_USE_FIPS_ENDPOINT" },
      useDualstackEndpoint: { value: true, source: "the useDualstackEndpoint option" },
      retryMode: { value: "adaptive", source: "AWS_RETRY_MODE" },
      maxAttempts: { value: 5, source: "AWS_MAX_ATTEMPTS" },
      userAgentAppId: { value: undefined, source: "the default" },
      caBundle: { value: undefined, source: "the default" },
      service: { exampleMode: { value: "fast", source: "AWS_EXAMPLE_MODE" } },
    });
    expect(settings({ exampleMode: "safe" }, {}).service.exampleMode).toEqual({
      value: "safe",
      source: "the exampleMode option",
    });
  });

  it("outside Node (a worker with process.env) skips values that are not one of a setting's choices", () => {
    // On Node they fail the client (env-values.test.ts); the rules doing that need Node's built-ins.
    const env = { AWS_RETRY_MODE: "fastest", AWS_EXAMPLE_MODE: "turbo" };
    const resolved = resolveSettings({}, SERVICE, portableEnvSettings(SERVICE, {}, env));
    expect(resolved.retryMode).toEqual({ value: "standard", source: "the default" });
    expect(resolved.service.exampleMode).toEqual({ value: "safe", source: "the default" });
    expect(() => settings({}, env)).toThrow(/AWS_RETRY_MODE/);
  });

  it("prefers the service's endpoint variable to AWS_ENDPOINT_URL", () => {
    const env = {
      AWS_ENDPOINT_URL: "http://127.0.0.1:1",
      AWS_ENDPOINT_URL_EXAMPLE_SERVICE: "http://127.0.0.1:2",
    };
    expect(settings({}, env).endpoint).toEqual({
      value: "http://127.0.0.1:2",
      source: "AWS_ENDPOINT_URL_EXAMPLE_SERVICE",
    });
    expect(settings({}, { AWS_ENDPOINT_URL: "http://127.0.0.1:1" }).endpoint.source).toBe("AWS_ENDPOINT_URL");
  });

  it("rejects an AWS_MAX_ATTEMPTS that is not a whole number of at least 1, naming the variable", () => {
    for (const value of ["0", "-1", "2.5", "three"]) {
      expect(() => settings({}, { AWS_MAX_ATTEMPTS: value })).toThrow(/AWS_MAX_ATTEMPTS/);
    }
    expect(settings({ maxAttempts: 2 }, { AWS_MAX_ATTEMPTS: "0" }).maxAttempts).toEqual({
      value: 2,
      source: "the maxAttempts option",
    });
  });

  it("names an invalid endpoint by its source, without echoing it", () => {
    expect(() => settings({}, { AWS_ENDPOINT_URL_EXAMPLE_SERVICE: "localhost:4566" })).toThrow(
      /^AWS_ENDPOINT_URL_EXAMPLE_SERVICE has no http:\/\/ or https:\/\/ scheme/,
    );
  });

  it("reads the region from AWS_REGION only, as the JavaScript SDK v3 does (not the CLI's AWS_DEFAULT_REGION)", () => {
    expect(settings({}, { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-east-2" }).region).toEqual({
      value: "eu-west-1",
      source: "AWS_REGION",
    });
    expect(settings({}, { AWS_DEFAULT_REGION: "us-east-2" }).region.value).toBeUndefined();
  });

  it("reads AWS_SDK_UA_APP_ID and AWS_CA_BUNDLE, and drops configured endpoints with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", () => {
    const env = {
      AWS_SDK_UA_APP_ID: "billing",
      AWS_CA_BUNDLE: "/etc/ca.pem",
      AWS_ENDPOINT_URL: "http://127.0.0.1:1",
    };
    const resolved = settings({}, env);
    expect(resolved.userAgentAppId).toEqual({ value: "billing", source: "AWS_SDK_UA_APP_ID" });
    expect(resolved.caBundle).toEqual({ value: "/etc/ca.pem", source: "AWS_CA_BUNDLE" });
    expect(resolved.endpoint.value).toBe("http://127.0.0.1:1");
    const ignored = settings({}, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" });
    expect(ignored.endpoint).toEqual({ value: undefined, source: "the default" });
    // An explicit option is not a configured endpoint: it is never ignored.
    expect(
      settings({ endpoint: "http://127.0.0.1:2" }, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }).endpoint
        .value,
    ).toBe("http://127.0.0.1:2");
  });
});
