import { sign } from "@lanyard/sigv4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator, TEST_CREDENTIALS } from "../src/index.js";
import { CALLER, form, post, send, sendH2, signedPost } from "./support/http.js";

const NOW = Date.parse("2026-01-15T12:00:00Z");
const REQUEST_ID = "c6104cbe-af31-11e0-8154-cbc7ccf896c7";
let emulator: StsEmulator;

beforeAll(async () => {
  emulator = await StsEmulator.start({ http2: true, now: () => NOW, requestId: () => REQUEST_ID });
});
afterAll(() => emulator.close());

const signed = (body: string, options: { secret?: string; key?: string; date?: Date; token?: string } = {}) =>
  signedPost(
    emulator.endpoint,
    body,
    {
      accessKeyId: options.key ?? TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: options.secret ?? TEST_CREDENTIALS.secretAccessKey,
      sessionToken: options.token,
    },
    { date: options.date ?? new Date(NOW) },
  );

describe("StsEmulator authentication", () => {
  it("answers a signed GetCallerIdentity for the test user in STS's XML shape", async () => {
    const res = await send(signed(CALLER));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-amzn-requestid")).toBe(REQUEST_ID);
    expect(res.headers.get("content-type")).toBe("text/xml");
    expect(res.text).toMatch(
      /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n {2}<GetCallerIdentityResult><UserId>AIDA[A-Z2-7]{17}<\/UserId><Account>123456789012<\/Account><Arn>arn:aws:iam::123456789012:user\/Alice<\/Arn><\/GetCallerIdentityResult>\n {2}<ResponseMetadata>\n {4}<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7<\/RequestId>\n {2}<\/ResponseMetadata>\n<\/GetCallerIdentityResponse>\n$/,
    );
  });

  it("accepts the test identity with any session token (it carries fault-injection keys)", async () => {
    expect((await send(signed(CALLER, { token: "any-session-token" }))).status).toBe(200);
  });

  it("rejects a signature made with the wrong secret with SignatureDoesNotMatch (403, Sender)", async () => {
    const res = await send(signed(CALLER, { secret: "not-the-secret" }));
    expect(res.status).toBe(403);
    expect(res.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(res.text).toContain("<Type>Sender</Type>");
  });

  it("rejects a body changed after signing with SignatureDoesNotMatch", async () => {
    const res = await send({ ...signed(CALLER), body: `${CALLER}&Extra=1` });
    expect(res.text).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("rejects an unknown access key with InvalidClientTokenId (403)", async () => {
    const res = await send(signed(CALLER, { key: "AKIDUNKNOWN" }));
    expect(res.status).toBe(403);
    expect(res.text).toContain("<Code>InvalidClientTokenId</Code>");
  });

  it("rejects a signature scoped to another region or service", async () => {
    const keys = { ...TEST_CREDENTIALS };
    const elsewhere = await send(
      signedPost(emulator.endpoint, CALLER, keys, { date: new Date(NOW), region: "eu-west-1" }),
    );
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.text).toContain("Credential should be scoped to a valid region, not 'eu-west-1'");
  });

  it("rejects a signature that does not sign the host header with IncompleteSignature", async () => {
    const request = signed(CALLER);
    const authorization = request.headers.authorization!.replace(
      /SignedHeaders=[^,]+/,
      "SignedHeaders=x-amz-date",
    );
    const res = await send({ ...request, headers: { ...request.headers, authorization } });
    expect(res.status).toBe(400);
    expect(res.text).toContain("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  });

  it("rejects a request signed more than 5 minutes off the server clock with RequestExpired", async () => {
    const stale = await send(signed(CALLER, { date: new Date(NOW - 6 * 60 * 1000) }));
    expect(stale.status).toBe(400);
    expect(stale.text).toContain("<Code>RequestExpired</Code>");
    expect(new Date(stale.headers.get("date") ?? "").getTime()).toBe(NOW);
    expect((await send(signed(CALLER, { date: new Date(NOW - 4 * 60 * 1000) }))).status).toBe(200);
  });

  it("rejects a malformed Authorization header with IncompleteSignature", async () => {
    const res = await send(
      post(emulator.endpoint, CALLER, { authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE" }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain("<Code>IncompleteSignature</Code>");
  });

  it("rejects an unsigned request to a signed operation with MissingAuthenticationToken", async () => {
    const res = await send(post(emulator.endpoint, CALLER));
    expect(res.status).toBe(403);
    expect(res.text).toContain("<Code>MissingAuthenticationToken</Code>");
  });
});

describe("StsEmulator requests", () => {
  it("answers a missing Action with MissingAction and an unknown one or version with InvalidAction", async () => {
    const missing = await send(signed("Version=2011-06-15"));
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("<Code>MissingAction</Code>");
    for (const body of [
      form("ListBuckets"),
      form("constructor"),
      "Action=GetCallerIdentity&Version=2099-01-01",
    ]) {
      const unknown = await send(signed(body));
      expect(unknown.status, body).toBe(400);
      expect(unknown.text).toContain("<Code>InvalidAction</Code>");
    }
  });

  it("accepts an unsigned request to a noAuth operation", async () => {
    const body = form("AssumeRoleWithWebIdentity", {
      RoleArn: "arn:aws:iam::123456789012:role/FederatedWebIdentityRole",
      RoleSessionName: "app1",
      WebIdentityToken: "Atza|opaque-oauth-token",
      ProviderId: "www.amazon.com",
    });
    const res = await send(post(emulator.endpoint, body));
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      "<Arn>arn:aws:sts::123456789012:assumed-role/FederatedWebIdentityRole/app1</Arn>",
    );
    expect(res.text).toContain("<Provider>www.amazon.com</Provider>");
  });

  it("answers a CORS preflight allowing the SigV4 headers", async () => {
    const res = await fetch(emulator.endpoint, { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = res.headers.get("access-control-allow-headers") ?? "";
    for (const name of [
      "authorization",
      "x-amz-date",
      "x-amz-security-token",
      "x-amz-user-agent",
      "content-type",
    ]) {
      expect(allowed).toContain(name);
    }
    expect(res.headers.get("access-control-expose-headers")).toBe("x-amzn-requestid, date");
  });

  it("answers a header-signed GET with the parameters in the query string, with CORS headers", async () => {
    const url = new URL(`${emulator.endpoint}?${CALLER}`);
    const get = sign(
      { method: "GET", url, headers: { host: url.host } },
      { credentials: { ...TEST_CREDENTIALS }, region: "us-east-1", service: "sts", date: new Date(NOW) },
    );
    const res = await send(get);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.text).toContain("<Arn>arn:aws:iam::123456789012:user/Alice</Arn>");
  });

  it("answers over HTTP/2 with TLS (trusting emulator.ca) and over h2c", async () => {
    for (const url of [emulator.endpoints.h2!, emulator.endpoints.h2c!]) {
      const request = signedPost(url, CALLER, { ...TEST_CREDENTIALS }, { date: new Date(NOW) });
      const { status, text } = await sendH2(request, emulator.ca);
      expect(status, url).toBe(200);
      expect(text).toContain("<Account>123456789012</Account>");
    }
    expect(emulator.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});

describe("StsEmulator fault injection", () => {
  it("plays a programmed throttle once, then answers, recording each attempt", async () => {
    emulator.program("throttle-case", { faults: ["throttle"] });
    const first = await send(signed(CALLER, { token: "throttle-case" }));
    expect(first.status).toBe(400);
    expect(first.text).toContain("<Code>Throttling</Code>");
    expect((await send(signed(CALLER, { token: "throttle-case" }))).status).toBe(200);
    const seen = emulator.requests("throttle-case");
    expect(seen.map((r) => [r.action, r.signature, r.outcome])).toEqual([
      ["GetCallerIdentity", "verified", 400],
      ["GetCallerIdentity", "verified", 200],
    ]);
    expect(seen[0]?.form).toEqual([
      ["Action", "GetCallerIdentity"],
      ["Version", "2011-06-15"],
    ]);
    emulator.forget("throttle-case");
    expect(emulator.requests("throttle-case")).toEqual([]);
  });

  it("answers a programmed output or error instead of the emulated answer", async () => {
    emulator.program("output-case", { output: { Account: "999999999999" } });
    expect((await send(signed(CALLER, { token: "output-case" }))).text).toContain(
      "<Account>999999999999</Account>",
    );
    emulator.program("error-case", {
      error: { status: 400, code: "ExpiredTokenException", message: "gone" },
    });
    const failed = await send(signed(CALLER, { token: "error-case" }));
    expect([failed.status, failed.text.includes("<Code>ExpiredTokenException</Code>")]).toEqual([400, true]);
  });

  it("plays a 503 as a Receiver fault", async () => {
    emulator.program("unavailable-case", { faults: ["unavailable"] });
    const res = await send(signed(CALLER, { token: "unavailable-case" }));
    expect(res.status).toBe(503);
    expect(res.text).toContain("<Type>Receiver</Type>");
  });

  it("selects a scenario by header and resets the connection", async () => {
    const headers = { "x-lanyard-case": "reset-by-header", "x-lanyard-scenario": "reset-then-success" };
    await expect(send(signed(CALLER), headers)).rejects.toThrow();
    expect((await send(signed(CALLER), headers)).status).toBe(200);
    expect(emulator.requests("reset-by-header").map((r) => r.outcome)).toEqual(["reset", 200]);
  });

  it("answers with a 15-minute-ahead clock under the clock-skew scenario", async () => {
    const res = await send(signed(CALLER), { "x-lanyard-scenario": "clock-skew" });
    expect(res.text).toContain("<Code>RequestExpired</Code>");
    expect(new Date(res.headers.get("date") ?? "").getTime()).toBe(NOW + 15 * 60 * 1000);
  });
});

describe("StsEmulator in examples mode", () => {
  it("answers each operation with its documented example output", async () => {
    await using examples = await StsEmulator.start({
      answers: "examples",
      now: () => NOW,
      requestId: () => REQUEST_ID,
    });
    const request = signedPost(examples.endpoint, CALLER, { ...TEST_CREDENTIALS }, { date: new Date(NOW) });
    expect((await send(request)).text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
        "  <GetCallerIdentityResult><UserId>AKIAI44QH8DHBEXAMPLE</UserId><Account>123456789012</Account>" +
        "<Arn>arn:aws:iam::123456789012:user/Alice</Arn></GetCallerIdentityResult>\n" +
        "  <ResponseMetadata>\n    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n  </ResponseMetadata>\n" +
        "</GetCallerIdentityResponse>\n",
    );
    const role = form("AssumeRole", {
      RoleArn: "arn:aws:iam::123456789012:role/demo",
      RoleSessionName: "testAssumeRoleSession",
    });
    const assumed = await send(
      signedPost(examples.endpoint, role, { ...TEST_CREDENTIALS }, { date: new Date(NOW) }),
    );
    expect(assumed.text).toContain("<AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId>");
    expect(assumed.text).toContain("<Expiration>2011-07-15T23:28:33.359Z</Expiration>");
  });
});
