import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator, TEST_CREDENTIALS } from "../src/index.js";
import { CALLER, form, issuedKeys, type Keys, send, signedPost, xmlText } from "./support/http.js";

// The emulator's clock is a variable the tests move, so expiry needs no waiting.
const START = Date.parse("2026-03-01T08:00:00Z");
let clock = START;
let sts: StsEmulator;

beforeAll(async () => {
  sts = await StsEmulator.start({ now: () => clock });
});
afterAll(() => sts.close());

const call = (body: string, keys: Keys = { ...TEST_CREDENTIALS }) =>
  send(signedPost(sts.endpoint, body, keys, { date: new Date(clock) }));

const ROLE = "arn:aws:iam::111122223333:role/ops/deploy";

async function assume(keys: Keys = { ...TEST_CREDENTIALS }, params: Record<string, string> = {}) {
  const res = await call(form("AssumeRole", { RoleArn: ROLE, RoleSessionName: "ci-run", ...params }), keys);
  expect(res.status, res.text).toBe(200);
  return { res, keys: issuedKeys(res.text) };
}

describe("credentials the emulator issues", () => {
  it("AssumeRole issues fresh ASIA keys whose GetCallerIdentity is the assumed-role ARN", async () => {
    clock = START;
    const { res, keys } = await assume();
    expect(keys.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(keys.secretAccessKey).toHaveLength(40);
    expect(keys.expiration).toBe("2026-03-01T09:00:00Z");
    expect(xmlText(res.text, "Arn")).toBe("arn:aws:sts::111122223333:assumed-role/deploy/ci-run");
    const roleId = xmlText(res.text, "AssumedRoleId");
    expect(roleId).toMatch(/^AROA[A-Z2-7]{17}:ci-run$/);
    const me = await call(CALLER, keys);
    expect(me.status).toBe(200);
    expect(xmlText(me.text, "Arn")).toBe("arn:aws:sts::111122223333:assumed-role/deploy/ci-run");
    expect(xmlText(me.text, "Account")).toBe("111122223333");
    expect(xmlText(me.text, "UserId")).toBe(roleId);
  });

  it("issues different keys on every call, and the same role ID for the same role", async () => {
    const a = await assume();
    const b = await assume();
    expect(a.keys.accessKeyId).not.toBe(b.keys.accessKeyId);
    expect(a.keys.sessionToken).not.toBe(b.keys.sessionToken);
    expect(xmlText(a.res.text, "AssumedRoleId")).toBe(xmlText(b.res.text, "AssumedRoleId"));
  });

  it("requires the issued session token with the issued keys", async () => {
    const { keys } = await assume();
    const without = await call(CALLER, {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
    });
    expect([without.status, xmlText(without.text, "Code")]).toEqual([403, "InvalidClientTokenId"]);
    const wrong = await call(CALLER, { ...keys, sessionToken: `${keys.sessionToken}x` });
    expect(xmlText(wrong.text, "Code")).toBe("InvalidClientTokenId");
    const badSecret = await call(CALLER, { ...keys, secretAccessKey: TEST_CREDENTIALS.secretAccessKey });
    expect([badSecret.status, xmlText(badSecret.text, "Code")]).toEqual([403, "SignatureDoesNotMatch"]);
  });

  it("answers ExpiredToken (403) once issued keys expire, by the emulator's clock", async () => {
    clock = START;
    const { keys } = await assume({ ...TEST_CREDENTIALS }, { DurationSeconds: "900" });
    clock = START + 899_000;
    expect((await call(CALLER, keys)).status).toBe(200);
    clock = START + 900_000;
    const expired = await call(CALLER, keys);
    expect([expired.status, xmlText(expired.text, "Code")]).toEqual([403, "ExpiredToken"]);
    expect(xmlText(expired.text, "Message")).toBe("The security token included in the request is expired");
    clock = START;
  });

  it("chains roles with an assumed role's keys, capped at one hour as STS caps role chaining", async () => {
    const { keys } = await assume();
    const chained = await call(
      form("AssumeRole", { RoleArn: "arn:aws:iam::444455556666:role/next", RoleSessionName: "hop" }),
      keys,
    );
    expect(xmlText(chained.text, "Arn")).toBe("arn:aws:sts::444455556666:assumed-role/next/hop");
    const long = await call(
      form("AssumeRole", {
        RoleArn: "arn:aws:iam::444455556666:role/next",
        RoleSessionName: "hop",
        DurationSeconds: "7200",
      }),
      keys,
    );
    expect(xmlText(long.text, "Code")).toBe("ValidationError");
    expect(xmlText(long.text, "Message")).toContain(
      "1 hour session limit for roles assumed by role chaining",
    );
  });

  it("refuses GetSessionToken and GetFederationToken with session credentials", async () => {
    const { keys } = await assume();
    const session = await call(form("GetSessionToken"), keys);
    expect([session.status, xmlText(session.text, "Code"), xmlText(session.text, "Message")]).toEqual([
      403,
      "AccessDenied",
      "Cannot call GetSessionToken with session credentials",
    ]);
    const federation = await call(form("GetFederationToken", { Name: "bob" }), keys);
    expect(xmlText(federation.text, "Message")).toBe(
      "Cannot call GetFederationToken with session credentials",
    );
  });

  it("GetSessionToken keys speak for the same user and may only AssumeRole and GetCallerIdentity", async () => {
    const res = await call(form("GetSessionToken", { DurationSeconds: "900" }));
    const keys = issuedKeys(res.text);
    expect(keys.expiration).toBe(new Date(clock + 900_000).toISOString().replace(".000Z", "Z"));
    expect(xmlText((await call(CALLER, keys)).text, "Arn")).toBe("arn:aws:iam::123456789012:user/Alice");
    expect((await assume(keys)).keys.accessKeyId).toMatch(/^ASIA/);
    const info = await call(form("GetAccessKeyInfo", { AccessKeyId: keys.accessKeyId }), keys);
    expect(xmlText(info.text, "Message")).toBe(
      "User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: sts:GetAccessKeyInfo",
    );
  });

  it("GetFederationToken keys are the federated user and may only call GetCallerIdentity", async () => {
    const res = await call(form("GetFederationToken", { Name: "Bob" }));
    expect(xmlText(res.text, "FederatedUserId")).toBe("123456789012:Bob");
    const keys = issuedKeys(res.text);
    expect(keys.expiration).toBe(new Date(clock + 12 * 3600_000).toISOString().replace(".000Z", "Z"));
    const me = await call(CALLER, keys);
    expect(xmlText(me.text, "Arn")).toBe("arn:aws:sts::123456789012:federated-user/Bob");
    expect(xmlText(me.text, "UserId")).toBe("123456789012:Bob");
    expect(
      xmlText((await call(form("AssumeRole", { RoleArn: ROLE, RoleSessionName: "x1" }), keys)).text, "Code"),
    ).toBe("AccessDenied");
  });

  it("AssumeRoot keys are the member account's root for 15 minutes", async () => {
    const res = await call(
      form("AssumeRoot", {
        TargetPrincipal: "777788889999",
        "TaskPolicyArn.arn": "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
      }),
    );
    const keys = issuedKeys(res.text);
    expect(keys.expiration).toBe(new Date(clock + 900_000).toISOString().replace(".000Z", "Z"));
    const me = await call(CALLER, keys);
    expect([xmlText(me.text, "Arn"), xmlText(me.text, "UserId")]).toEqual([
      "arn:aws:iam::777788889999:root",
      "777788889999",
    ]);
  });

  it("GetAccessKeyInfo answers the account of issued keys and of AWS-format keys", async () => {
    const account = async (id: string) =>
      xmlText((await call(form("GetAccessKeyInfo", { AccessKeyId: id }))).text, "Account");
    expect(await account((await assume()).keys.accessKeyId)).toBe("111122223333");
    // A published example of the key format: ASIAQNZGKIQY56JQ7WML belongs to 029608264753.
    expect(await account("ASIAQNZGKIQY56JQ7WML")).toBe("029608264753");
    const unknown = await call(form("GetAccessKeyInfo", { AccessKeyId: "AKIDNOTAREALKEY0" }));
    expect(xmlText(unknown.text, "Code")).toBe("ValidationError");
    // The model's 16-character minimum rejects the test identity's short key before any lookup.
    const short = await call(form("GetAccessKeyInfo", { AccessKeyId: "AKIDEXAMPLE" }));
    expect(xmlText(short.text, "Message")).toBe(
      "1 validation error detected: Value 'AKIDEXAMPLE' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16",
    );
  });

  it("AssumeRole answers STS's errors for a bad role ARN, policy and tags", async () => {
    const codeOf = async (params: Record<string, string>) => {
      const res = await call(form("AssumeRole", { RoleArn: ROLE, RoleSessionName: "s1", ...params }));
      return [res.status, xmlText(res.text, "Code"), xmlText(res.text, "Message")];
    };
    expect(await codeOf({ RoleArn: "not-an-arn-at-all-but-long" })).toEqual([
      400,
      "ValidationError",
      "not-an-arn-at-all-but-long is invalid",
    ]);
    expect(await codeOf({ RoleArn: "arn:aws:iam::111122223333:user/alice" })).toEqual([
      400,
      "ValidationError",
      "Request ARN is invalid",
    ]);
    expect((await codeOf({ Policy: "{not json" }))[1]).toBe("MalformedPolicyDocument");
    expect((await codeOf({ Policy: JSON.stringify({ Statement: "x".repeat(3000) }) }))[1]).toBe(
      "PackedPolicyTooLarge",
    );
    const duplicate = {
      "Tags.member.1.Key": "Team",
      "Tags.member.1.Value": "a",
      "Tags.member.2.Key": "team",
      "Tags.member.2.Value": "b",
    };
    expect((await codeOf(duplicate)).slice(0, 2)).toEqual([400, "InvalidParameterValue"]);
    const stray = {
      "Tags.member.1.Key": "Team",
      "Tags.member.1.Value": "a",
      "TransitiveTagKeys.member.1": "Project",
    };
    expect(await codeOf(stray)).toEqual([
      400,
      "InvalidParameterValue",
      "The specified transitive tag key must be included in the requested tags.",
    ]);
  });

  it("reports the session policy's packed size and echoes SourceIdentity", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
    });
    const { res } = await assume({ ...TEST_CREDENTIALS }, { Policy: policy, SourceIdentity: "alice" });
    expect(Number(xmlText(res.text, "PackedPolicySize"))).toBeGreaterThan(0);
    expect(xmlText(res.text, "SourceIdentity")).toBe("alice");
    const plain = await assume();
    expect(plain.res.text).not.toContain("PackedPolicySize");
  });

  it("GetWebIdentityToken returns a JWT naming the caller, valid for DurationSeconds", async () => {
    const res = await call(
      form("GetWebIdentityToken", {
        "Audience.member.1": "https://api.example.com",
        SigningAlgorithm: "RS256",
        DurationSeconds: "600",
      }),
    );
    const token = xmlText(res.text, "WebIdentityToken")!;
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
    expect(claims).toMatchObject({
      sub: "arn:aws:iam::123456789012:user/Alice",
      aud: "https://api.example.com",
      exp: Math.floor(clock / 1000) + 600,
    });
    expect(xmlText(res.text, "Expiration")).toBe(
      new Date(clock + 600_000).toISOString().replace(".000Z", "Z"),
    );
  });
});
