import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nodeCredentialsLoader } from "../src/credentials/platform.js";
import { webIdentityCredentialsWith } from "../src/credentials/web-identity-credentials.js";
import { type STSClientConfig, webIdentityCredentials } from "../src/index.js";
import {
  type CredentialsSts,
  startCredentialsSts,
  type TempDir,
  tempDir,
} from "./support/credentials-sts.js";

const loadNodeCredentials = nodeCredentialsLoader()!;
const ROLE = "arn:aws:iam::123456789012:role/web";
let sts: CredentialsSts;
let dir: TempDir;
let clientConfig: STSClientConfig;

beforeAll(async () => {
  sts = await startCredentialsSts();
  dir = await tempDir();
  clientConfig = { region: "us-east-1", endpoint: sts.url, maxAttempts: 1 };
});
afterAll(async () => {
  await sts.close();
  await dir.remove();
});
beforeEach(() => {
  sts.calls.length = 0;
  sts.expiration = new Date("2030-01-01T01:00:00Z");
});

describe("webIdentityCredentials", () => {
  it("re-reads the token file on every refresh and sends no Authorization header", async () => {
    const tokenFile = await dir.write("token", "token-one\n");
    let now = Date.parse("2030-01-01T00:00:00Z");
    const provider = webIdentityCredentialsWith(
      { roleArn: ROLE, roleSessionName: "pod", tokenFile, clientConfig, now: () => now },
      loadNodeCredentials,
    );
    expect((await provider()).accessKeyId).toBe("ASIATEMPORARY0001");
    await writeFile(tokenFile, "token-two");
    now = sts.expiration.getTime() - 60_000;
    sts.expiration = new Date(now + 3_600_000);
    expect((await provider()).accessKeyId).toBe("ASIATEMPORARY0002");
    expect(sts.calls.map((c) => c.form.get("WebIdentityToken"))).toEqual(["token-one\n", "token-two"]);
    for (const call of sts.calls) {
      expect(call.action).toBe("AssumeRoleWithWebIdentity");
      expect(call.authorization).toBeUndefined();
      expect(call.securityToken).toBeUndefined();
      expect(call.form.get("RoleArn")).toBe(ROLE);
      expect(call.form.get("RoleSessionName")).toBe("pod");
    }
  });

  it("falls back to AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and AWS_ROLE_SESSION_NAME", async () => {
    const tokenFile = await dir.write("env-token", "env-token");
    const env = {
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      AWS_ROLE_ARN: ROLE,
      AWS_ROLE_SESSION_NAME: "from-env",
    };
    await webIdentityCredentialsWith({ env, clientConfig }, loadNodeCredentials)();
    expect(sts.calls[0]?.form.get("WebIdentityToken")).toBe("env-token");
    expect(sts.calls[0]?.form.get("RoleSessionName")).toBe("from-env");
  });

  it("reads the file through readToken when given, and names the file it cannot read", async () => {
    const read: string[] = [];
    const provider = webIdentityCredentials({
      roleArn: ROLE,
      tokenFile: "/var/run/token",
      readToken: async (path) => {
        read.push(path);
        return " hooked-token ";
      },
      env: {},
      clientConfig,
      now: () => 42,
    });
    await provider();
    expect(read).toEqual(["/var/run/token"]);
    // Sent as given, as the SDKs send a token file's contents.
    expect(sts.calls[0]?.form.get("WebIdentityToken")).toBe(" hooked-token ");
    expect(sts.calls[0]?.form.get("RoleSessionName")).toBe("lanyard-session-42");
    const missing = webIdentityCredentialsWith(
      { roleArn: ROLE, tokenFile: `${dir.dir}/absent`, env: {}, clientConfig },
      loadNodeCredentials,
    );
    await expect(missing()).rejects.toMatchObject({ name: "CredentialsError", code: "file-unreadable" });
  });

  it("asks a token function anew on each refresh and sends the extra members", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    let issued = 0;
    const provider = webIdentityCredentials({
      roleArn: ROLE,
      token: async () => `oidc-${++issued}`,
      providerId: "www.amazon.com",
      durationSeconds: 1800,
      env: {},
      clientConfig,
      now: () => now,
    });
    await provider();
    now = sts.expiration.getTime();
    sts.expiration = new Date(now + 3_600_000);
    await provider();
    expect(sts.calls.map((c) => c.form.get("WebIdentityToken"))).toEqual(["oidc-1", "oidc-2"]);
    expect(sts.calls[0]?.form.get("ProviderId")).toBe("www.amazon.com");
    expect(sts.calls[0]?.form.get("DurationSeconds")).toBe("1800");
  });

  it("says what is missing when neither a role nor a token is configured", async () => {
    await expect(webIdentityCredentials({ env: {}, clientConfig })()).rejects.toMatchObject({
      code: "not-configured",
      message: expect.stringContaining("AWS_ROLE_ARN"),
    });
  });

  it("explains that a token file needs Node or readToken on other platforms", async () => {
    const provider = webIdentityCredentialsWith(
      { roleArn: ROLE, tokenFile: "/t", env: {}, clientConfig },
      undefined,
    );
    await expect(provider()).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringContaining("readToken"),
    });
    expect(sts.calls).toHaveLength(0);
  });
});
