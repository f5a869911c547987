import { describe, expect, it } from "vitest";
import {
  type ConfigSettings,
  defaultChain,
  describeSetting,
  resolveConfigRegion,
  resolveConfigSettings,
} from "../src/node/index.js";
import { failure, imdsHandler, json, loopback, tempHome, useScratch } from "./helpers.js";

const scratch = useScratch();

async function settings(
  files: Record<string, string>,
  env: Record<string, string> = {},
  options: { profile?: string; service?: string } = {},
): Promise<ConfigSettings> {
  scratch.home = await tempHome(files);
  return resolveConfigSettings({ env, homedir: scratch.home.dir, ...options });
}

describe("resolveConfigSettings: environment, then profile, then default", () => {
  it("takes each setting from the environment before the profile and names the source", async () => {
    const s = await settings(
      { ".aws/config": "[profile dev]\nregion = eu-west-1\nretry_mode = adaptive\nmax_attempts = 7\n" },
      { AWS_PROFILE: "dev", AWS_MAX_ATTEMPTS: "5" },
    );
    expect(s.profile).toBe("dev");
    expect(s.region).toMatchObject({
      value: "eu-west-1",
      source: { kind: "profile", profile: "dev", key: "region" },
    });
    expect(s.maxAttempts).toEqual({ value: 5, source: { kind: "env", variable: "AWS_MAX_ATTEMPTS" } });
    expect(s.retryMode.value).toBe("adaptive");
    expect(describeSetting("region", s.region!, scratch.home!.dir)).toBe(
      'region from profile "dev" in ~/.aws/config',
    );
    expect(describeSetting("max_attempts", s.maxAttempts)).toBe(
      "max_attempts from environment variable AWS_MAX_ATTEMPTS",
    );
  });

  it("falls back to the SDKs' defaults, marked as such", async () => {
    const s = await settings({});
    expect(s).toMatchObject({
      profileFound: false,
      retryMode: { value: "standard", source: { kind: "default" } },
      maxAttempts: { value: 3 },
      useFipsEndpoint: { value: false },
      useDualstackEndpoint: { value: false },
      stsRegionalEndpoints: { value: "regional" },
      ec2MetadataServiceEndpointMode: { value: "IPv4" },
      ec2MetadataV1Disabled: { value: false },
      ignoreConfiguredEndpointUrls: { value: false },
    });
    expect(s.region).toBeUndefined();
    expect(s.endpointUrl).toBeUndefined();
  });

  it("reads every listed setting from the profile", async () => {
    const config = [
      "[default]",
      "use_fips_endpoint = TRUE",
      "use_dualstack_endpoint = false",
      "sts_regional_endpoints = legacy",
      "sdk_ua_app_id = my-app",
      "ca_bundle = /etc/ssl/corp.pem",
      "ec2_metadata_service_endpoint = http://[fd00:ec2::254]",
      "ec2_metadata_service_endpoint_mode = ipv6",
      "ec2_metadata_v1_disabled = true",
    ].join("\n");
    const s = await settings({ ".aws/config": config });
    expect(s.useFipsEndpoint.value).toBe(true);
    expect(s.useDualstackEndpoint.value).toBe(false);
    expect(s.stsRegionalEndpoints.value).toBe("legacy");
    expect(s.sdkUaAppId?.value).toBe("my-app");
    expect(s.caBundle?.value).toBe("/etc/ssl/corp.pem");
    expect(s.ec2MetadataServiceEndpoint?.value).toBe("http://[fd00:ec2::254]");
    expect(s.ec2MetadataServiceEndpointMode.value).toBe("IPv6");
    expect(s.ec2MetadataV1Disabled.value).toBe(true);
  });

  it("takes AWS_CA_BUNDLE and AWS_SDK_UA_APP_ID over the profile, and the older sdk-ua-app-id key", async () => {
    const s = await settings(
      { ".aws/config": "[default]\nsdk-ua-app-id = legacy-spelling\nca_bundle = /profile.pem\n" },
      { AWS_CA_BUNDLE: "/env.pem" },
    );
    expect(s.caBundle).toEqual({ value: "/env.pem", source: { kind: "env", variable: "AWS_CA_BUNDLE" } });
    expect(s.sdkUaAppId?.value).toBe("legacy-spelling");
  });

  it("reads region credentials-file first and other settings config-file first, as the JS SDK", async () => {
    const s = await settings({
      ".aws/config": "[default]\nregion = us-east-1\nretry_mode = standard\n",
      ".aws/credentials": "[default]\nregion = us-west-2\nretry_mode = adaptive\n",
    });
    expect(s.region?.value).toBe("us-west-2");
    expect(s.region?.source).toMatchObject({ file: expect.stringMatching(/credentials$/) });
    expect(s.retryMode.value).toBe("standard");
  });

  it("uses a quoted profile name as `aws configure` writes it", async () => {
    const s = await settings(
      { ".aws/config": "[profile 'my prof']\nregion = eu-west-2\n" },
      { AWS_PROFILE: "my prof" },
    );
    expect(s.profileFound).toBe(true);
    expect(s.region?.value).toBe("eu-west-2");
  });
});

describe("resolveConfigSettings: invalid values", () => {
  const cases: [string, string, RegExp][] = [
    [
      "max_attempts = abc",
      "abc",
      /max_attempts from profile "default" in .*config is not valid: expected a whole number/,
    ],
    ["retry_mode = fast", "fast", /retry_mode from .* expected one of standard, adaptive, legacy/],
    ["use_fips_endpoint = maybe", "maybe", /use_fips_endpoint from .* expected true or false/],
    [
      "sts_regional_endpoints = global",
      "global",
      /sts_regional_endpoints from .* expected one of regional, legacy/,
    ],
    ["ec2_metadata_service_endpoint_mode = ipv5", "ipv5", /expected one of IPv4, IPv6/],
  ];
  for (const [line, value, message] of cases) {
    it(`rejects \`${line}\` naming the setting and its file, not the value`, async () => {
      const error = await failure(settings({ ".aws/config": `[default]\n${line}\n` }));
      expect(error).toMatchObject({ code: "invalid-config" });
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toContain(value);
    });
  }

  it("names the variable when the bad value comes from the environment", async () => {
    const error = await failure(settings({}, { AWS_MAX_ATTEMPTS: "0" }));
    expect(error?.message).toMatch(/max_attempts from environment variable AWS_MAX_ATTEMPTS/);
  });

  it("does not echo an endpoint URL that is not one (it may hold a password)", async () => {
    const error = await failure(settings({ ".aws/config": "[default]\nendpoint_url = user:hunter2@host\n" }));
    expect(error?.message).toMatch(
      /endpoint_url from profile "default" .* expected an http:\/\/ or https:\/\/ URL/,
    );
    expect(error?.message).not.toContain("hunter2");
  });
});

describe("resolveConfigSettings: service-specific endpoints", () => {
  const servicesConfig =
    "[default]\nservices = local\nendpoint_url = https://profile.example\n" +
    "[services local]\nsts =\n  endpoint_url = https://services-sts.example\nsso_oidc =\n  endpoint_url = https://services-oidc.example\n";

  it("orders AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the services section, then endpoint_url", async () => {
    const files = { ".aws/config": servicesConfig };
    const both = { AWS_ENDPOINT_URL_STS: "https://env-sts.example", AWS_ENDPOINT_URL: "https://env.example" };
    expect((await settings(files, both)).endpointUrl?.value).toBe("https://env-sts.example");
    expect((await settings(files, { AWS_ENDPOINT_URL: "https://env.example" })).endpointUrl?.value).toBe(
      "https://env.example",
    );
    const fromServices = await settings(files);
    expect(fromServices.endpointUrl).toMatchObject({
      value: "https://services-sts.example",
      source: { kind: "services", section: "local", key: "sts.endpoint_url" },
    });
    expect(describeSetting("endpoint_url", fromServices.endpointUrl!, scratch.home!.dir)).toBe(
      'endpoint_url from [services local] (sts.endpoint_url, used by profile "default") in ~/.aws/config',
    );
    expect((await settings(files, {}, { service: "s3" })).endpointUrl?.value).toBe("https://profile.example");
  });

  it("spells a service id with spaces or hyphens as the variables and sections do", async () => {
    const env = { AWS_ENDPOINT_URL_SSO_OIDC: "https://env-oidc.example" };
    expect((await settings({}, env, { service: "SSO OIDC" })).endpointUrl?.value).toBe(
      "https://env-oidc.example",
    );
    expect(
      (await settings({ ".aws/config": servicesConfig }, {}, { service: "sso-oidc" })).endpointUrl?.value,
    ).toBe("https://services-oidc.example");
  });

  it("ignores every configured endpoint when told to, by variable or profile", async () => {
    const env = {
      AWS_ENDPOINT_URL_STS: "https://env-sts.example",
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true",
    };
    expect((await settings({ ".aws/config": servicesConfig }, env)).endpointUrl).toBeUndefined();
    const ignoring = `${servicesConfig.replace("[default]\n", "[default]\nignore_configured_endpoint_urls = true\n")}`;
    const s = await settings({ ".aws/config": ignoring }, { AWS_ENDPOINT_URL: "https://env.example" });
    expect(s.endpointUrl).toBeUndefined();
    expect(s.ignoreConfiguredEndpointUrls.source).toMatchObject({ kind: "profile" });
  });

  it("skips the config file's endpoints when `services` names a missing section, as the JS SDK", async () => {
    const s = await settings({
      ".aws/config": "[default]\nservices = nowhere\nendpoint_url = https://profile.example\n",
    });
    expect(s.endpointUrl).toBeUndefined();
  });
});

describe("resolveConfigRegion", () => {
  it("ignores AWS_DEFAULT_REGION (botocore's, not the JS SDK's) and invalid unrelated settings", async () => {
    scratch.home = await tempHome({
      ".aws/config": "[default]\nregion = ca-central-1\nmax_attempts = abc\n",
    });
    const env = { AWS_DEFAULT_REGION: "us-west-2" };
    expect(await resolveConfigRegion({ env, homedir: scratch.home.dir })).toBe("ca-central-1");
  });
});

describe("instance metadata settings from the config file", () => {
  it("lets the default chain reach IMDS at the profile's ec2_metadata_service_endpoint", async () => {
    scratch.server = await loopback(imdsHandler("AKIDIMDS"));
    scratch.home = await tempHome({
      ".aws/config": `[default]\nec2_metadata_service_endpoint = ${scratch.server.url}\n`,
    });
    expect((await defaultChain({ env: {}, homedir: scratch.home.dir })()).accessKeyId).toBe("AKIDIMDS");
  });

  it("reports an invalid IMDS setting among the chain's reasons, unless instance metadata is disabled anyway", async () => {
    scratch.home = await tempHome({
      ".aws/config": "[default]\nec2_metadata_service_endpoint_mode = IPv5\n",
    });
    const invalid = await failure(defaultChain({ env: {}, homedir: scratch.home.dir })());
    // The chain probes IMDS unasked, so a bad setting is a reason the chain goes on past.
    expect(invalid).toMatchObject({ code: "no-credentials" });
    expect(invalid?.message).toMatch(/ec2_metadata_service_endpoint_mode/);
    const disabled = await failure(
      defaultChain({ env: { AWS_EC2_METADATA_DISABLED: "true" }, homedir: scratch.home.dir })(),
    );
    expect(disabled).toMatchObject({ code: "no-credentials" });
    expect(disabled?.message).toMatch(/AWS_EC2_METADATA_DISABLED is true/);
  });

  it("refuses the IMDSv1 fallback when the profile sets ec2_metadata_v1_disabled", async () => {
    scratch.server = await loopback((req, res) => json(res, req.method === "PUT" ? 403 : 200, "role"));
    scratch.home = await tempHome({ ".aws/config": "[default]\nec2_metadata_v1_disabled = true\n" });
    const error = await failure(
      defaultChain({
        env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: scratch.server.url },
        homedir: scratch.home.dir,
      })(),
    );
    expect(error?.message).toMatch(/IMDSv1 is disabled/);
    expect(scratch.server.requests.map((r) => r.method)).toEqual(["PUT"]);
  });
});
