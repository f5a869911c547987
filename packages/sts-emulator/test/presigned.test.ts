import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator, TEST_CREDENTIALS } from "../src/index.js";
import { CALLER, form, issuedKeys, presigned, send, signedPost, xmlText } from "./support/http.js";

const NOW = Date.parse("2026-05-10T10:00:00Z");
let clock = NOW;
let sts: StsEmulator;

beforeAll(async () => {
  sts = await StsEmulator.start({ now: () => clock });
});
afterAll(() => sts.close());

async function get(url: URL, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, text: await res.text() };
}

const url = (
  options: {
    date?: number;
    expiresIn?: number;
    headers?: Record<string, string>;
    unsignedPayload?: boolean;
  } = {},
) =>
  presigned(
    sts.endpoint,
    CALLER,
    { ...TEST_CREDENTIALS },
    {
      date: new Date(options.date ?? NOW),
      expiresIn: options.expiresIn ?? 900,
      headers: options.headers,
      unsignedPayload: options.unsignedPayload,
    },
  );

describe("presigned URLs (SigV4 query-string authentication)", () => {
  it("answers a presigned GetCallerIdentity for the signer", async () => {
    clock = NOW;
    const res = await get(url());
    expect(res.status).toBe(200);
    expect(xmlText(res.text, "Arn")).toBe("arn:aws:iam::123456789012:user/Alice");
  });

  it("accepts the UNSIGNED-PAYLOAD form botocore presigns with", async () => {
    expect((await get(url({ unsignedPayload: true }))).status).toBe(200);
  });

  it("verifies an EKS-style token: x-k8s-aws-id is signed and must be sent with its value", async () => {
    const eks = url({ expiresIn: 60, headers: { "x-k8s-aws-id": "prod-cluster" } });
    expect(eks.searchParams.get("X-Amz-SignedHeaders")).toBe("host;x-k8s-aws-id");
    expect((await get(eks, { "x-k8s-aws-id": "prod-cluster" })).status).toBe(200);
    const other = await get(eks, { "x-k8s-aws-id": "other-cluster" });
    expect([other.status, xmlText(other.text, "Code")]).toEqual([403, "SignatureDoesNotMatch"]);
    expect(xmlText((await get(eks)).text, "Code")).toBe("SignatureDoesNotMatch");
  });

  it("answers RequestExpired once X-Amz-Expires has passed, and before that accepts the URL", async () => {
    const short = url({ expiresIn: 60 });
    clock = NOW + 60_000;
    expect((await get(short)).status).toBe(200);
    clock = NOW + 61_000;
    const late = await get(short);
    expect([late.status, xmlText(late.text, "Code")]).toEqual([400, "RequestExpired"]);
    expect(xmlText(late.text, "Message")).toContain("the presigned URL expired at 2026-05-10T10:01:00.000Z");
    clock = NOW;
  });

  it("answers RequestExpired for a URL signed more than 5 minutes in the future", async () => {
    const early = await get(url({ date: NOW + 6 * 60_000 }));
    expect(xmlText(early.text, "Code")).toBe("RequestExpired");
    expect((await get(url({ date: NOW + 4 * 60_000 }))).status).toBe(200);
  });

  it("rejects a tampered URL: a changed parameter, expiry or signature", async () => {
    const tamper = (name: string, value: string) => {
      const changed = url();
      changed.searchParams.set(name, value);
      return get(changed);
    };
    expect(xmlText((await tamper("Action", "GetSessionToken")).text, "Code")).toBe("SignatureDoesNotMatch");
    expect(xmlText((await tamper("X-Amz-Expires", "3600")).text, "Code")).toBe("SignatureDoesNotMatch");
    expect(xmlText((await tamper("X-Amz-Signature", "0".repeat(64))).text, "Code")).toBe(
      "SignatureDoesNotMatch",
    );
    const added = url();
    added.searchParams.append("Extra", "1");
    expect(xmlText((await get(added)).text, "Code")).toBe("SignatureDoesNotMatch");
  });

  it("rejects a URL missing a SigV4 parameter or with a bad one with IncompleteSignature", async () => {
    const without = url();
    without.searchParams.delete("X-Amz-Date");
    expect(xmlText((await get(without)).text, "Code")).toBe("IncompleteSignature");
    const expires = url();
    expires.searchParams.set("X-Amz-Expires", "604801");
    expect(xmlText((await get(expires)).text, "Message")).toContain("Invalid X-Amz-Expires");
  });

  it("checks the keys of a presigned URL like a header signature: unknown, issued, expired", async () => {
    const unknown = presigned(
      sts.endpoint,
      CALLER,
      { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" },
      { date: new Date(NOW), expiresIn: 900 },
    );
    expect(xmlText((await get(unknown)).text, "Code")).toBe("InvalidClientTokenId");
    const body = form("AssumeRole", {
      RoleArn: "arn:aws:iam::111122223333:role/eks-user",
      RoleSessionName: "kubectl",
      DurationSeconds: "900",
    });
    const keys = issuedKeys(
      (await send(signedPost(sts.endpoint, body, { ...TEST_CREDENTIALS }, { date: new Date(NOW) }))).text,
    );
    const asRole = presigned(sts.endpoint, CALLER, keys, { date: new Date(NOW), expiresIn: 3600 });
    expect(asRole.searchParams.get("X-Amz-Security-Token")).toBe(keys.sessionToken);
    expect(xmlText((await get(asRole)).text, "Arn")).toBe(
      "arn:aws:sts::111122223333:assumed-role/eks-user/kubectl",
    );
    clock = NOW + 900_000;
    expect(xmlText((await get(asRole)).text, "Code")).toBe("ExpiredToken");
    clock = NOW;
    const noToken = new URL(asRole);
    noToken.searchParams.delete("X-Amz-Security-Token");
    expect(xmlText((await get(noToken)).text, "Code")).toBe("InvalidClientTokenId");
  });

  it("checks a presigned URL's scope and signed headers like a header signature's", async () => {
    const elsewhere = url();
    elsewhere.searchParams.set(
      "X-Amz-Credential",
      elsewhere.searchParams.get("X-Amz-Credential")!.replace("/us-east-1/", "/eu-west-1/"),
    );
    expect(xmlText((await get(elsewhere)).text, "Message")).toContain(
      "Credential should be scoped to a valid region, not 'eu-west-1'",
    );
    const hostless = url();
    hostless.searchParams.set("X-Amz-SignedHeaders", "x-amz-date");
    expect(xmlText((await get(hostless)).text, "Message")).toBe(
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
  });

  it("rejects a request carrying both an Authorization header and a presigned query", async () => {
    const request = signedPost(sts.endpoint, CALLER, { ...TEST_CREDENTIALS }, { date: new Date(NOW) });
    const res = await get(url(), { authorization: request.headers.authorization! });
    expect(xmlText(res.text, "Code")).toBe("IncompleteSignature");
  });
});
