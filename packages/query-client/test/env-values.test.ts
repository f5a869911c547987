// On Node the environment's AWS_* values are read by the same rules as the shared config file's
// keys (@lanyard/credentials/config): a value the setting does not take fails the client where it
// is made, naming the variable and what it takes, instead of quietly leaving the default in place.
import { describe, expect, it } from "vitest";
import { ClientError } from "../src/errors.js";
import type { ServiceDefinition } from "../src/model.js";
import { envSettings } from "../src/platform/node.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";
import { IAM_SERVICE } from "./fixtures/iam/generated/service.generated.js";

const SERVICE: ServiceDefinition = {
  ...IAM_SERVICE,
  settings: [{ option: "exampleMode", env: "AWS_EXAMPLE_MODE", choices: ["fast", "safe"], default: "safe" }],
};

const rejected = (env: Record<string, string>, config = {}) => {
  try {
    envSettings(SERVICE, config, env);
  } catch (error) {
    return error as ClientError;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe("an environment value a setting does not take", () => {
  it.each([
    ["AWS_RETRY_MODE", "bogus", /standard, adaptive, legacy/],
    ["AWS_USE_FIPS_ENDPOINT", "maybe", /true or false/],
    ["AWS_USE_DUALSTACK_ENDPOINT", "yes", /true or false/],
    ["AWS_USE_FIPS_ENDPOINT", "1", /true or false/],
    ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "maybe", /true or false/],
    ["AWS_MAX_ATTEMPTS", "abc", /a whole number of at least 1/],
    ["AWS_MAX_ATTEMPTS", "0", /a whole number of at least 1/],
    ["AWS_EXAMPLE_MODE", "turbo", /fast, safe/],
  ])(
    "%s=%s is a config error naming the variable and the values it takes, not the value",
    (name, value, takes) => {
      const error = rejected({ [name]: value });
      expect(error).toBeInstanceOf(ClientError);
      expect(error.code).toBe("config");
      expect(error.message).toContain(name);
      expect(error.message).toMatch(takes);
      expect(error.message).not.toContain(value);
    },
  );

  it("fails the client where it is made", () => {
    const saved = process.env.AWS_RETRY_MODE;
    process.env.AWS_RETRY_MODE = "bogus";
    try {
      expect(() => new IAMBaseClient({ region: "us-east-1" })).toThrow(
        /AWS_RETRY_MODE.*standard, adaptive, legacy/,
      );
    } finally {
      if (saved === undefined) delete process.env.AWS_RETRY_MODE;
      else process.env.AWS_RETRY_MODE = saved;
    }
  });

  it("is not read when the option is given, as in the SDKs", () => {
    const config = {
      retryMode: "standard",
      useFipsEndpoint: false,
      maxAttempts: 2,
      exampleMode: "safe",
    } as const;
    const env = {
      AWS_RETRY_MODE: "bogus",
      AWS_USE_FIPS_ENDPOINT: "maybe",
      AWS_MAX_ATTEMPTS: "abc",
      AWS_EXAMPLE_MODE: "x",
    };
    expect(() => envSettings(SERVICE, config, env)).not.toThrow();
  });
});

describe("environment values a setting takes", () => {
  it("are true or false and the modes in any case, around spaces", () => {
    const found = envSettings(
      SERVICE,
      {},
      {
        AWS_USE_FIPS_ENDPOINT: "TRUE",
        AWS_USE_DUALSTACK_ENDPOINT: "False",
        AWS_RETRY_MODE: "Adaptive",
        AWS_MAX_ATTEMPTS: " 5 ",
        AWS_EXAMPLE_MODE: "FAST",
      },
    );
    expect(found).toMatchObject({
      useFipsEndpoint: { value: true, source: "AWS_USE_FIPS_ENDPOINT" },
      useDualstackEndpoint: { value: false, source: "AWS_USE_DUALSTACK_ENDPOINT" },
      retryMode: { value: "adaptive", source: "AWS_RETRY_MODE" },
      maxAttempts: { value: 5, source: "AWS_MAX_ATTEMPTS" },
      service: { exampleMode: { value: "fast", source: "AWS_EXAMPLE_MODE" } },
    });
  });

  it("are unset when empty, as the JavaScript SDK reads an empty variable", () => {
    const empty = {
      AWS_USE_FIPS_ENDPOINT: "",
      AWS_RETRY_MODE: "",
      AWS_MAX_ATTEMPTS: "",
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "",
      AWS_EXAMPLE_MODE: "",
      AWS_ENDPOINT_URL: "http://127.0.0.1:1",
    };
    const found = envSettings(SERVICE, {}, empty);
    expect(found.useFipsEndpoint).toBeUndefined();
    expect(found.retryMode).toBeUndefined();
    expect(found.maxAttempts).toBeUndefined();
    expect(found.service).toEqual({});
    expect(found.endpoint).toEqual({ value: "http://127.0.0.1:1", source: "AWS_ENDPOINT_URL" });
  });

  it("turn configured endpoints off with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS in any case", () => {
    const env = { AWS_ENDPOINT_URL: "http://127.0.0.1:1", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "True" };
    expect(envSettings(SERVICE, {}, env).endpoint).toBeUndefined();
  });
});
