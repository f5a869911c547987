import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultCredentialsWith } from "../src/credentials/default-credentials.js";
import { nodeCredentialsLoader } from "../src/credentials/platform.js";
import { type DefaultCredentialsOptions, defaultCredentials, type STSClientConfig } from "../src/index.js";
import {
  type CredentialsSts,
  startCredentialsSts,
  TEMP_TOKEN_PREFIX,
  type TempDir,
  tempDir,
} from "./support/credentials-sts.js";

const loadNodeCredentials = nodeCredentialsLoader()!;
const BASE_SECRET = "baseSecretKeyDoNotPrint";
let sts: CredentialsSts;
let home: TempDir;
let clientConfig: STSClientConfig;

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

beforeAll(async () => {
  sts = await startCredentialsSts();
  home = await tempDir();
  clientConfig = { region: "us-east-1", endpoint: sts.url, maxAttempts: 1 };
  const tokenFile = await home.write("eks/token", "projected-token\n");
  await home.write(
    ".aws/credentials",
    `[base]\naws_access_key_id = AKIDBASEPROFILE0000\naws_secret_access_key = ${BASE_SECRET}\n`,
  );
  await home.write(
    ".aws/config",
    [
      "[profile A]",
      `role_arn = ${role("A")}`,
      "source_profile = base",
      "[profile B]",
      `role_arn = ${role("B")}`,
      "source_profile = A",
      "role_session_name = b-session",
      "region = eu-west-1",
      "[profile web]",
      `role_arn = ${role("web")}`,
      `web_identity_token_file = ${tokenFile}`,
      "[profile mfa]",
      `role_arn = ${role("mfa")}`,
      "source_profile = base",
      "mfa_serial = arn:aws:iam::123456789012:mfa/alice",
      "[profile from-env]",
      `role_arn = ${role("from-env")}`,
      "credential_source = Environment",
      "[profile loop1]",
      `role_arn = ${role("loop1")}`,
      "source_profile = loop2",
      "[profile loop2]",
      `role_arn = ${role("loop2")}`,
      "source_profile = loop1",
      "",
    ].join("\n"),
  );
});
afterAll(async () => {
  await sts.close();
  await home.remove();
});
beforeEach(() => {
  sts.calls.length = 0;
});

function resolve(profile: string, extra: Partial<DefaultCredentialsOptions> = {}) {
  const options = { profile, env: { HOME: home.dir }, clientConfig, ...extra };
  return defaultCredentialsWith(options, loadNodeCredentials)();
}

describe("defaultCredentials", () => {
  it("chains role profiles: B's AssumeRole is signed with A's temporary credentials", async () => {
    const credentials = await resolve("B");
    expect(sts.calls.map((c) => [c.action, c.form.get("RoleArn"), c.signedBy])).toEqual([
      ["AssumeRole", role("A"), "AKIDBASEPROFILE0000"],
      ["AssumeRole", role("B"), "ASIATEMPORARY0001"],
    ]);
    expect(sts.calls[0]?.securityToken).toBeUndefined();
    expect(sts.calls[1]?.securityToken).toBe(`${TEMP_TOKEN_PREFIX}1`);
    expect(sts.calls[1]?.form.get("RoleSessionName")).toBe("b-session");
    expect(credentials.accessKeyId).toBe("ASIATEMPORARY0002");
    expect(inspect(credentials)).not.toContain(TEMP_TOKEN_PREFIX);
  });

  it("signs a role profile's call in the profile's region when the client config has none", async () => {
    await resolve("B", { clientConfig: { endpoint: sts.url, maxAttempts: 1, region: undefined } });
    expect(sts.calls[1]?.authorization).toContain("/eu-west-1/sts/aws4_request");
  });

  it("resolves a web_identity_token_file profile with an unsigned AssumeRoleWithWebIdentity", async () => {
    const credentials = await resolve("web");
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]?.action).toBe("AssumeRoleWithWebIdentity");
    expect(sts.calls[0]?.form.get("WebIdentityToken")).toBe("projected-token\n");
    expect(sts.calls[0]?.authorization).toBeUndefined();
    expect(credentials.accessKeyId).toBe("ASIATEMPORARY0001");
  });

  it("signs a credential_source = Environment profile's call with the environment's keys", async () => {
    const env = {
      HOME: home.dir,
      AWS_ACCESS_KEY_ID: "AKIDFROMENVIRONMENT",
      AWS_SECRET_ACCESS_KEY: BASE_SECRET,
    };
    await resolve("from-env", { env });
    expect(sts.calls.map((c) => [c.form.get("RoleArn"), c.signedBy])).toEqual([
      [role("from-env"), "AKIDFROMENVIRONMENT"],
    ]);
  });

  it("passes the MFA serial and the code from mfaCodeProvider", async () => {
    await resolve("mfa", { mfaCodeProvider: async () => "654321" });
    expect(sts.calls[0]?.form.get("SerialNumber")).toBe("arn:aws:iam::123456789012:mfa/alice");
    expect(sts.calls[0]?.form.get("TokenCode")).toBe("654321");
  });

  it("reports a source_profile cycle clearly, without calling STS or printing a secret", async () => {
    const error = await resolve("loop1").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "CredentialsError", code: "profile-cycle" });
    expect((error as Error).message).toMatch(/forms a cycle \(loop2 -> loop1 -> loop2\)/);
    expect(sts.calls).toHaveLength(0);
    expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toContain(BASE_SECRET);
  });

  it("keeps the base profile's secret out of STS errors", async () => {
    sts.failWith = "AccessDenied";
    try {
      const error = await resolve("A").catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "AccessDenied" });
      expect(`${String(error)} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain(BASE_SECRET);
    } finally {
      sts.failWith = undefined;
    }
  });

  it("throws a CredentialsError asking for explicit credentials where there is no Node", () => {
    expect(() => defaultCredentialsWith({}, undefined)).toThrow(/give credentials explicitly/);
  });

  it("is wired to the runtime's Node platform module", async () => {
    const credentials = await defaultCredentials({ profile: "web", env: { HOME: home.dir }, clientConfig })();
    expect(credentials.accessKeyId).toBe("ASIATEMPORARY0001");
  });
});
