import { signingScope } from "@lanyard/query-client";
import { describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { STSClient, type STSClientConfig, VERSION } from "../src/index.js";

/** The settings a client resolves with `env` as its environment (and no shared config file). */
async function settingsWith(config: STSClientConfig, env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(
    process.env,
    { AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials" },
    env,
  );
  try {
    return await new STSClient(config).resolveSettings();
  } finally {
    process.env = saved;
  }
}

const endpointOf = async (config: ConstructorParameters<typeof STSClient>[0]) => {
  const client = new STSClient({ credentials: { accessKeyId: "a", secretAccessKey: "b" }, ...config });
  return client.resolveEndpoint();
};

describe("configuration", () => {
  it("resolves the regional endpoint by default", async () => {
    const endpoint = await endpointOf({ region: "us-west-2" });
    expect(endpoint.url.href).toBe("https://sts.us-west-2.amazonaws.com/");
    expect(signingScope(endpoint).signingRegion).toBe("us-west-2");
  });

  it("maps legacy regions to the global endpoint with stsRegionalEndpoints: legacy", async () => {
    const endpoint = await endpointOf({ region: "us-west-2", stsRegionalEndpoints: "legacy" });
    expect(endpoint.url.href).toBe("https://sts.amazonaws.com/");
    expect(signingScope(endpoint).signingRegion).toBe("us-east-1");
    const notLegacy = await endpointOf({ region: "ap-east-1", stsRegionalEndpoints: "legacy" });
    expect(notLegacy.url.href).toBe("https://sts.ap-east-1.amazonaws.com/");
  });

  it("uses FIPS and dual-stack endpoints when asked", async () => {
    expect((await endpointOf({ region: "us-east-1", useFipsEndpoint: true })).url.host).toBe(
      "sts-fips.us-east-1.amazonaws.com",
    );
    expect((await endpointOf({ region: "us-east-1", useDualstackEndpoint: true })).url.host).toBe(
      "sts.us-east-1.api.aws",
    );
  });

  it("reads AWS_STS_REGIONAL_ENDPOINTS, FIPS and retry settings from the environment, naming each source", async () => {
    const env = {
      AWS_STS_REGIONAL_ENDPOINTS: "Legacy",
      AWS_USE_FIPS_ENDPOINT: "true",
      AWS_MAX_ATTEMPTS: "5",
      AWS_RETRY_MODE: "adaptive",
    };
    expect(await settingsWith({}, env)).toMatchObject({
      service: { stsRegionalEndpoints: { value: "legacy", source: "AWS_STS_REGIONAL_ENDPOINTS" } },
      useFipsEndpoint: { value: true, source: "AWS_USE_FIPS_ENDPOINT" },
      maxAttempts: { value: 5, source: "AWS_MAX_ATTEMPTS" },
      retryMode: { value: "adaptive", source: "AWS_RETRY_MODE" },
    });
    expect(
      (await settingsWith({ stsRegionalEndpoints: "regional" }, env)).service.stsRegionalEndpoints,
    ).toEqual({
      value: "regional",
      source: "the stsRegionalEndpoints option",
    });
  });

  it("sends legacy regions to the global endpoint when AWS_STS_REGIONAL_ENDPOINTS is legacy", async () => {
    const saved = { ...process.env };
    process.env.AWS_STS_REGIONAL_ENDPOINTS = "legacy";
    try {
      expect((await endpointOf({ region: "eu-west-1" })).url.href).toBe("https://sts.amazonaws.com/");
    } finally {
      process.env = saved;
    }
  });

  it("falls back to the region of the shared config file on Node", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "sts-config-"));
    const saved = { ...process.env };
    try {
      await writeFile(join(dir, "config"), "[default]\nregion = eu-north-1\n");
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      delete process.env.AWS_PROFILE;
      process.env.AWS_CONFIG_FILE = join(dir, "config");
      const endpoint = await endpointOf({});
      expect(endpoint.url.href).toBe("https://sts.eu-north-1.amazonaws.com/");
    } finally {
      process.env = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads sts_regional_endpoints from the profile in any case, and names the file for a bad value", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "sts-config-"));
    const file = join(dir, "config");
    try {
      await writeFile(file, "[default]\nsts_regional_endpoints = Legacy\n");
      const settings = await settingsWith({ region: "us-west-2" }, { AWS_CONFIG_FILE: file });
      expect(settings.service.stsRegionalEndpoints).toEqual({
        value: "legacy",
        source: `profile "default" in ${file}`,
      });
      await writeFile(file, "[default]\nsts_regional_endpoints = global\n");
      const bad = await settingsWith({ region: "us-west-2" }, { AWS_CONFIG_FILE: file }).catch(
        (e: Error) => e,
      );
      expect(bad).toMatchObject({ code: "config" });
      expect((bad as Error).message).toContain(`sts_regional_endpoints from profile "default" in ${file}`);
      expect((bad as Error).message).toContain("regional, legacy");
      expect((bad as Error).message).not.toContain("global");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("explains a missing region", async () => {
    const saved = { ...process.env };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    process.env.AWS_CONFIG_FILE = "/nonexistent/config";
    try {
      const client = new STSClient({ credentials: { accessKeyId: "a", secretAccessKey: "b" } });
      await expect(client.getCallerIdentity()).rejects.toMatchObject({ code: "missing-region" });
    } finally {
      process.env = saved;
    }
  });

  it("keeps VERSION equal to package.json", () => {
    expect(VERSION).toBe(pkg.version);
  });
});
