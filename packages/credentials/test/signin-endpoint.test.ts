import { describe, expect, it } from "vitest";
import { CredentialsError } from "../src/index.js";
import type { SharedConfig } from "../src/node/shared-config.js";
import { resolveSigninEndpoint, signinEndpointForRegion } from "../src/node/signin-endpoint.js";

describe("signinEndpointForRegion", () => {
  // Expected URLs of the sign-in endpoint rules' tests for CreateOAuth2Token (IsControlPlane=false,
  // no FIPS, no dual-stack), botocore tests/functional/endpoint-rules/signin/endpoint-tests-1.json.
  it.each([
    ["us-east-1", "https://us-east-1.signin.aws.amazon.com"],
    ["eu-west-1", "https://eu-west-1.signin.aws.amazon.com"],
    ["cn-north-1", "https://cn-north-1.signin.amazonaws.cn"],
    ["us-gov-west-1", "https://us-gov-west-1.signin.amazonaws-us-gov.com"],
    ["us-iso-east-1", "https://us-iso-east-1.signin.c2shome.ic.gov"],
    ["us-isob-east-1", "https://us-isob-east-1.signin.sc2shome.sgov.gov"],
    ["us-isof-south-1", "https://us-isof-south-1.signin.csphome.hci.ic.gov"],
    ["eu-isoe-west-1", "https://eu-isoe-west-1.signin.csphome.adc-e.uk"],
    ["eusc-de-east-1", "https://eusc-de-east-1.signin.amazonaws-eusc.eu"],
    ["xx-future-9", "https://xx-future-9.signin.aws.amazon.com"],
  ])("%s → %s", (region, url) => {
    expect(signinEndpointForRegion(region)).toBe(url);
  });
});

describe("resolveSigninEndpoint", () => {
  const config = (
    profile: Record<string, string> = {},
    services: Record<string, Record<string, string>> = {},
  ): SharedConfig => ({
    profiles: { dev: profile },
    credentials: {},
    ssoSessions: {},
    services,
    files: { config: "/home/u/.aws/config", credentials: "/home/u/.aws/credentials" },
  });
  const base = { profile: "dev", settings: {}, env: {}, config: config(), homedir: "/home/u" };
  const url = (input: Partial<Parameters<typeof resolveSigninEndpoint>[0]>): string =>
    resolveSigninEndpoint({ ...base, ...input }).href;

  it("prefers the profile's region, then the caller's, then AWS_REGION (the JavaScript SDK's order)", () => {
    const env = { AWS_REGION: "eu-west-1" };
    expect(url({ settings: { region: "us-west-2" }, region: "ap-south-1", env })).toBe(
      "https://us-west-2.signin.aws.amazon.com/v1/token",
    );
    expect(url({ region: "ap-south-1", env })).toBe("https://ap-south-1.signin.aws.amazon.com/v1/token");
    expect(url({ env })).toBe("https://eu-west-1.signin.aws.amazon.com/v1/token");
  });

  it("takes the option, then AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL, over any region", () => {
    const env = { AWS_ENDPOINT_URL_SIGNIN: "http://signin.local:8080", AWS_ENDPOINT_URL: "http://all.local" };
    const settings = { region: "us-east-1" };
    expect(url({ settings, env, endpoint: "https://vpce.example/" })).toBe("https://vpce.example/v1/token");
    expect(url({ settings, env })).toBe("http://signin.local:8080/v1/token");
    expect(url({ settings, env: { AWS_ENDPOINT_URL: "http://all.local/base/" } })).toBe(
      "http://all.local/base/v1/token",
    );
  });

  it("reads the profile's [services] signin entry, then its endpoint_url, after the variables (as every service)", () => {
    const settings = { region: "us-east-1" };
    const both = config(
      { services: "local", endpoint_url: "http://profile.local" },
      { local: { "signin.endpoint_url": "http://signin-section.local/p" } },
    );
    expect(url({ settings, config: both })).toBe("http://signin-section.local/p/v1/token");
    expect(url({ settings, config: config({ endpoint_url: "http://profile.local" }) })).toBe(
      "http://profile.local/v1/token",
    );
    expect(url({ settings, config: both, env: { AWS_ENDPOINT_URL_SIGNIN: "http://env.local" } })).toBe(
      "http://env.local/v1/token",
    );
    const ignored = config({ endpoint_url: "http://profile.local", ignore_configured_endpoint_urls: "true" });
    expect(url({ settings, config: ignored })).toBe("https://us-east-1.signin.aws.amazon.com/v1/token");
  });

  it("ignores the configured endpoints when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true, not the option", () => {
    const env = {
      AWS_ENDPOINT_URL_SIGNIN: "http://signin.local",
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "TRUE",
    };
    expect(url({ settings: { region: "us-east-1" }, env })).toBe(
      "https://us-east-1.signin.aws.amazon.com/v1/token",
    );
    expect(url({ env, endpoint: "http://127.0.0.1:1" })).toBe("http://127.0.0.1:1/v1/token");
  });

  it.each([
    ["no region at all", {}, "needs a region"],
    [
      "a region that would change the host",
      { settings: { region: "evil.example/x#" } },
      "is not a region name",
    ],
    ["an endpoint that is not a URL", { endpoint: "not a url" }, "the endpoint option is not an http(s) URL"],
    ["an endpoint of another scheme", { env: { AWS_ENDPOINT_URL: "ftp://x" } }, "AWS_ENDPOINT_URL is not"],
    [
      "a profile endpoint_url that is not a URL",
      { config: config({ endpoint_url: "evil.example/x#" }) },
      'endpoint_url from profile "dev" in ~/.aws/config is not valid',
    ],
  ])("refuses %s, naming the profile", (_name, input, phrase) => {
    let error: unknown;
    try {
      resolveSigninEndpoint({ ...base, ...input });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).tryNext).toBe(false);
    expect((error as Error).message).toContain('profile "dev"');
    expect((error as Error).message).toContain(phrase);
    expect((error as Error).message).not.toContain("evil.example");
  });
});
