import * as http2 from "node:http2";
import type { HttpRequest } from "@lanyard/http";
import { sign } from "@lanyard/sigv4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator, TEST_CREDENTIALS } from "../src/emulator/index.js";

const NOW = Date.parse("2026-01-15T12:00:00Z");
let emulator: StsEmulator;

beforeAll(async () => {
  emulator = await StsEmulator.start({
    now: () => NOW,
    requestId: () => "c6104cbe-af31-11e0-8154-cbc7ccf896c7",
  });
});
afterAll(() => emulator.close());

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

function request(
  form: string,
  headers: Record<string, string> = {},
  url = emulator.endpoints.http1,
): HttpRequest {
  return {
    method: "POST",
    url: new URL(url),
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      host: url.host,
      ...headers,
    },
    body: form,
  };
}

function signed(
  form: string,
  options: { secret?: string; key?: string; date?: Date; token?: string } = {},
): HttpRequest {
  return sign(request(form), {
    credentials: {
      accessKeyId: options.key ?? TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: options.secret ?? TEST_CREDENTIALS.secretAccessKey,
      ...(options.token === undefined ? {} : { sessionToken: options.token }),
    },
    region: "us-east-1",
    service: "sts",
    date: options.date ?? new Date(NOW),
  });
}

async function send(req: HttpRequest, extra: Record<string, string> = {}): Promise<Sent> {
  const { host: _, ...headers } = req.headers;
  const res = await fetch(req.url, {
    method: req.method,
    headers: { ...headers, ...extra },
    body: req.body as string,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const CALLER = "Action=GetCallerIdentity&Version=2011-06-15";

describe("StsEmulator", () => {
  it("answers a signed GetCallerIdentity with the documented example in STS's XML shape", async () => {
    const res = await send(signed(CALLER));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-amzn-requestid")).toBe("c6104cbe-af31-11e0-8154-cbc7ccf896c7");
    expect(res.text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
        "  <GetCallerIdentityResult><UserId>AKIAI44QH8DHBEXAMPLE</UserId><Account>123456789012</Account>" +
        "<Arn>arn:aws:iam::123456789012:user/Alice</Arn></GetCallerIdentityResult>\n" +
        "  <ResponseMetadata>\n    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n  </ResponseMetadata>\n" +
        "</GetCallerIdentityResponse>\n",
    );
  });

  it("accepts a request signed with a session token", async () => {
    expect((await send(signed(CALLER, { token: "any-session-token" }))).status).toBe(200);
  });

  it("rejects a signature made with the wrong secret with SignatureDoesNotMatch (403)", async () => {
    const res = await send(signed(CALLER, { secret: "not-the-secret" }));
    expect(res.status).toBe(403);
    expect(res.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(res.text).toContain("<Type>Sender</Type>");
  });

  it("rejects a body changed after signing with SignatureDoesNotMatch", async () => {
    const req = signed(CALLER);
    const res = await send({ ...req, body: `${CALLER}&Extra=1` });
    expect(res.text).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("rejects an unknown access key with InvalidClientTokenId (403)", async () => {
    const res = await send(signed(CALLER, { key: "AKIDUNKNOWN" }));
    expect(res.status).toBe(403);
    expect(res.text).toContain("<Code>InvalidClientTokenId</Code>");
  });

  it("rejects a request signed more than 5 minutes off the server clock with RequestExpired", async () => {
    const stale = await send(signed(CALLER, { date: new Date(NOW - 6 * 60 * 1000) }));
    expect(stale.text).toContain("<Code>RequestExpired</Code>");
    expect(new Date(stale.headers.get("date") ?? "").getTime()).toBe(NOW);
    const fresh = await send(signed(CALLER, { date: new Date(NOW - 4 * 60 * 1000) }));
    expect(fresh.status).toBe(200);
  });

  it("rejects a malformed Authorization header with IncompleteSignature", async () => {
    const res = await send(request(CALLER, { authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE" }));
    expect(res.status).toBe(400);
    expect(res.text).toContain("<Code>IncompleteSignature</Code>");
  });

  it("rejects an unsigned request to a signed operation", async () => {
    const res = await send(request(CALLER));
    expect(res.status).toBe(403);
    expect(res.text).toContain("<Code>MissingAuthenticationToken</Code>");
  });

  it("answers a missing Action with MissingAction and an unknown one with InvalidAction", async () => {
    const missing = await send(signed("Version=2011-06-15"));
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("<Code>MissingAction</Code>");
    for (const action of ["ListBuckets", "constructor"]) {
      const unknown = await send(signed(`Action=${action}&Version=2011-06-15`));
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain("<Code>InvalidAction</Code>");
    }
  });

  it("answers a missing required member with ValidationError naming it", async () => {
    const res = await send(signed("Action=AssumeRole&Version=2011-06-15&RoleSessionName=s"));
    expect(res.status).toBe(400);
    expect(res.text).toContain("<Code>ValidationError</Code>");
    expect(res.text).toContain("Value null at &apos;roleArn&apos; failed to satisfy constraint");
  });

  it("accepts an unsigned request to a noAuth operation", async () => {
    const form =
      "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FFederatedWebIdentityRole" +
      "&RoleSessionName=app1&WebIdentityToken=token";
    const res = await send(request(form));
    expect(res.status).toBe(200);
    expect(res.text).toContain("<Expiration>2014-10-24T23:00:23Z</Expiration>");
  });

  it("answers a CORS preflight allowing the SigV4 headers", async () => {
    const res = await fetch(emulator.endpoints.http1, { method: "OPTIONS" });
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

  it("answers a signed GET with the parameters in the query string, with CORS headers on the answer", async () => {
    const url = new URL(`${emulator.endpoints.http1.href}?${CALLER}`);
    const get = sign(
      { method: "GET", url, headers: { host: url.host } },
      { credentials: { ...TEST_CREDENTIALS }, region: "us-east-1", service: "sts", date: new Date(NOW) },
    );
    const { host: _, ...headers } = get.headers;
    const res = await fetch(url, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.text()).toContain("<Arn>arn:aws:iam::123456789012:user/Alice</Arn>");
  });

  it("plays a programmed throttle once, then answers, recording each attempt", async () => {
    emulator.program("throttle-case", { faults: ["throttle"] });
    const first = await send(signed(CALLER, { token: "throttle-case" }));
    expect(first.status).toBe(400);
    expect(first.text).toContain("<Code>Throttling</Code>");
    const second = await send(signed(CALLER, { token: "throttle-case" }));
    expect(second.status).toBe(200);
    const seen = emulator.requests("throttle-case");
    expect(seen.map((r) => [r.signature, r.outcome])).toEqual([
      ["verified", 400],
      ["verified", 200],
    ]);
    expect(seen[0]?.form).toEqual([
      ["Action", "GetCallerIdentity"],
      ["Version", "2011-06-15"],
    ]);
  });

  it("selects a scenario by header and resets the connection", async () => {
    const req = signed(CALLER);
    const headers = { "x-lanyard-case": "reset-by-header", "x-lanyard-scenario": "reset-then-success" };
    await expect(send(req, headers)).rejects.toThrow();
    expect((await send(req, headers)).status).toBe(200);
  });

  it("answers with a 15-minute-ahead clock under the clock-skew scenario", async () => {
    const res = await send(signed(CALLER), { "x-lanyard-scenario": "clock-skew" });
    expect(res.text).toContain("<Code>RequestExpired</Code>");
    expect(new Date(res.headers.get("date") ?? "").getTime()).toBe(NOW + 15 * 60 * 1000);
  });

  it("answers over HTTP/2 with TLS and over h2c", async () => {
    for (const url of [emulator.endpoints.h2!, emulator.endpoints.h2c!]) {
      const req = sign(request(CALLER, {}, url), {
        credentials: { ...TEST_CREDENTIALS },
        region: "us-east-1",
        service: "sts",
        date: new Date(NOW),
      });
      const { status, text } = await h2Send(req, emulator.ca);
      expect(status).toBe(200);
      expect(text).toContain("<Account>123456789012</Account>");
    }
  });
});

function h2Send(req: HttpRequest, ca: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(req.url.origin, req.url.protocol === "https:" ? { ca } : {});
    session.on("error", reject);
    const { host: _, ...headers } = req.headers;
    const stream = session.request({ ":method": req.method, ":path": req.url.pathname, ...headers });
    let status = 0;
    let text = "";
    stream.on("response", (h) => {
      status = Number(h[":status"]);
    });
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      text += chunk;
    });
    stream.on("end", () => {
      session.close();
      resolve({ status, text });
    });
    stream.end(req.body);
  });
}
