import { inspect } from "node:util";
import { CredentialsError } from "@lanyard/credentials";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assumeRoleCredentials, type STSClientConfig } from "../src/index.js";
import {
  type CredentialsSts,
  SOURCE,
  startCredentialsSts,
  TEMP_SECRET_PREFIX,
  TEMP_TOKEN_PREFIX,
} from "./support/credentials-sts.js";

const ROLE = "arn:aws:iam::123456789012:role/deploy";
const HOUR = 3_600_000;
let sts: CredentialsSts;
let clientConfig: STSClientConfig;

beforeAll(async () => {
  sts = await startCredentialsSts();
  clientConfig = { region: "us-east-1", endpoint: sts.url, maxAttempts: 1 };
});
afterAll(() => sts.close());
beforeEach(() => {
  sts.calls.length = 0;
  sts.failWith = undefined;
  sts.expiration = new Date("2030-01-01T01:00:00Z");
});

describe("assumeRoleCredentials", () => {
  it("signs AssumeRole with the source credentials and returns the role's", async () => {
    const provider = assumeRoleCredentials({ roleArn: ROLE, sourceCredentials: SOURCE, clientConfig });
    const credentials = await provider();
    expect(sts.calls).toHaveLength(1);
    const call = sts.calls[0];
    expect(call?.action).toBe("AssumeRole");
    expect(call?.signedBy).toBe(SOURCE.accessKeyId);
    expect(call?.form.get("RoleArn")).toBe(ROLE);
    expect(credentials).toMatchObject({
      accessKeyId: "ASIATEMPORARY0001",
      secretAccessKey: `${TEMP_SECRET_PREFIX}1`,
      sessionToken: `${TEMP_TOKEN_PREFIX}1`,
      expiration: new Date("2030-01-01T01:00:00Z"),
      accountId: "123456789012",
    });
  });

  it("takes the source from a provider and defaults the session name to lanyard-session-<ms>", async () => {
    const provider = assumeRoleCredentials({
      roleArn: ROLE,
      sourceCredentials: async () => ({ ...SOURCE, accessKeyId: "AKIDFROMPROVIDER" }),
      clientConfig,
      now: () => 1_700_000_000_000,
    });
    await provider();
    expect(sts.calls[0]?.signedBy).toBe("AKIDFROMPROVIDER");
    expect(sts.calls[0]?.form.get("RoleSessionName")).toBe("lanyard-session-1700000000000");
  });

  it("sends the optional members it is given", async () => {
    await assumeRoleCredentials({
      roleArn: ROLE,
      roleSessionName: "ci",
      externalId: "ext-123",
      durationSeconds: 900,
      policy: '{"Version":"2012-10-17"}',
      policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      tags: { team: "core" },
      sourceCredentials: SOURCE,
      clientConfig,
    })();
    const form = sts.calls[0]?.form;
    expect(Object.fromEntries(form ?? [])).toMatchObject({
      RoleSessionName: "ci",
      ExternalId: "ext-123",
      DurationSeconds: "900",
      Policy: '{"Version":"2012-10-17"}',
      "PolicyArns.member.1.arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "Tags.member.1.Key": "team",
      "Tags.member.1.Value": "core",
    });
  });

  it("refreshes before expiry with one STS call for 1 000 concurrent callers", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const provider = assumeRoleCredentials({
      roleArn: ROLE,
      sourceCredentials: SOURCE,
      clientConfig,
      now: () => now,
    });
    expect((await provider()).accessKeyId).toBe("ASIATEMPORARY0001");
    now += 44 * 60_000; // 16 minutes before expiry: still outside the 15-minute advisory window
    expect((await provider()).accessKeyId).toBe("ASIATEMPORARY0001");
    expect(sts.calls).toHaveLength(1);

    now += 12 * 60_000; // 4 minutes before expiry: inside the 5-minute mandatory window, callers wait
    sts.expiration = new Date(now + HOUR);
    const all = await Promise.all(Array.from({ length: 1000 }, () => provider()));
    expect(sts.calls).toHaveLength(2);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(["ASIATEMPORARY0002"]));
    expect((await provider()).expiration).toEqual(sts.expiration);
    expect(sts.calls).toHaveLength(2);
  });

  it("honours refreshWindowMs as the advisory window: refreshes in the background inside it", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const provider = assumeRoleCredentials({
      roleArn: ROLE,
      sourceCredentials: SOURCE,
      clientConfig,
      refreshWindowMs: 30 * 60_000,
      now: () => now,
    });
    await provider();
    now += 29 * 60_000;
    await provider();
    expect(sts.calls).toHaveLength(1);
    now += 2 * 60_000; // 29 minutes before expiry
    expect((await provider()).accessKeyId).toBe("ASIATEMPORARY0001");
    await expect.poll(() => sts.calls.length).toBe(2);
    await expect.poll(async () => (await provider()).accessKeyId).toBe("ASIATEMPORARY0002");
  });

  it("sends SerialNumber and a fresh TokenCode from the MFA callback on every refresh", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const asked: string[] = [];
    const provider = assumeRoleCredentials({
      roleArn: ROLE,
      serialNumber: "arn:aws:iam::123456789012:mfa/alice",
      mfaCodeProvider: async (serial) => {
        asked.push(serial);
        return String(100000 + asked.length);
      },
      sourceCredentials: SOURCE,
      clientConfig,
      now: () => now,
    });
    await provider();
    await provider();
    now = sts.expiration.getTime() - 60_000;
    sts.expiration = new Date(now + HOUR);
    await provider();
    expect(asked).toEqual(["arn:aws:iam::123456789012:mfa/alice", "arn:aws:iam::123456789012:mfa/alice"]);
    expect(sts.calls.map((c) => [c.form.get("SerialNumber"), c.form.get("TokenCode")])).toEqual([
      ["arn:aws:iam::123456789012:mfa/alice", "100001"],
      ["arn:aws:iam::123456789012:mfa/alice", "100002"],
    ]);
  });

  it("sends a fixed tokenCode and refuses a serialNumber without any code", async () => {
    await assumeRoleCredentials({
      roleArn: ROLE,
      serialNumber: "GAHT12345678",
      tokenCode: "123456",
      sourceCredentials: SOURCE,
      clientConfig,
    })();
    expect(sts.calls[0]?.form.get("TokenCode")).toBe("123456");
    const missing = assumeRoleCredentials({
      roleArn: ROLE,
      serialNumber: "GAHT12345678",
      sourceCredentials: SOURCE,
      clientConfig,
    });
    await expect(missing()).rejects.toMatchObject({ name: "CredentialsError", code: "mfa-code-missing" });
  });

  it("rejects a missing roleArn before any call", () => {
    expect(() => assumeRoleCredentials({ roleArn: "" })).toThrow(CredentialsError);
  });

  it("keeps secrets out of JSON, util.inspect and STS errors", async () => {
    const credentials = await assumeRoleCredentials({
      roleArn: ROLE,
      sourceCredentials: SOURCE,
      clientConfig,
    })();
    for (const text of [JSON.stringify(credentials), inspect(credentials)]) {
      expect(text).toContain("ASIATEMPORARY0001");
      expect(text).not.toContain(TEMP_SECRET_PREFIX);
      expect(text).not.toContain(TEMP_TOKEN_PREFIX);
    }
    sts.failWith = "AccessDenied";
    const error = await assumeRoleCredentials({
      roleArn: ROLE,
      sourceCredentials: SOURCE,
      clientConfig,
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AccessDenied", code: "AccessDenied" });
    const shown = `${String(error)} ${inspect(error)} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(SOURCE.secretAccessKey);
  });
});
