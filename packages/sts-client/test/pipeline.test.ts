import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type STSClient, STSServiceError, ValidationError } from "../src/index.js";
import { testClient } from "./support/client.js";
import { errorXml, type StsServer, startStsServer, successXml } from "./support/sts-server.js";

const IDENTITY =
  "<Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDA1</UserId><Account>123456789012</Account>";

let server: StsServer;
let client: STSClient;
beforeAll(async () => {
  server = await startStsServer();
  client = testClient(server.url);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function amzDate(value: string): number {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value)!;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

describe("pipeline", () => {
  it("signs an authenticated call and sends a user agent", async () => {
    server.setHandler(() => ({ body: successXml("GetCallerIdentity", IDENTITY) }));
    const result = await client.getCallerIdentity();
    expect(result.Account).toBe("123456789012");
    const headers = server.requests.at(-1)!.headers;
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/sts\/aws4_request/,
    );
    expect(headers["x-amz-security-token"]).toBe("SESSIONTOKENEXAMPLE");
    expect(headers["user-agent"]).toMatch(/^lanyard\/\d+\.\d+\.\d+ /);
  });

  it("signs with the credentials an async provider returns", async () => {
    server.setHandler(() => ({ body: successXml("GetCallerIdentity", IDENTITY) }));
    const provided = testClient(server.url, {
      credentials: async () => ({ accessKeyId: "AKIDPROVIDED", secretAccessKey: "provided-secret" }),
    });
    await provided.getCallerIdentity();
    const headers = server.requests.at(-1)!.headers;
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDPROVIDED\//);
    expect(headers["x-amz-security-token"]).toBeUndefined();
    await provided.close();
  });

  it("honours maxAttempts from the options", async () => {
    server.setHandler(() => ({ status: 500, body: errorXml("InternalFailure", "boom") }));
    const once = testClient(server.url, { retryStrategy: undefined, maxAttempts: 1 });
    const before = server.requests.length;
    const error = (await once.getCallerIdentity().catch((e: unknown) => e)) as STSServiceError;
    expect(error.$metadata.attempts).toBe(1);
    expect(server.requests.length - before).toBe(1);
    await once.close();
  });

  it("sends web-identity calls unsigned, needing no credentials", async () => {
    const anonymous = testClient(server.url, { credentials: undefined });
    const xml =
      "<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>";
    server.setHandler(() => ({ body: successXml("AssumeRoleWithWebIdentity", xml) }));
    const result = await anonymous.assumeRoleWithWebIdentity({
      RoleArn: "arn:aws:iam::123456789012:role/demo",
      RoleSessionName: "web",
      WebIdentityToken: "token-value",
    });
    expect(result.Credentials?.Expiration).toEqual(new Date("2030-01-01T00:00:00Z"));
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
    await anonymous.close();
  });

  it("rejects invalid input before any I/O", async () => {
    const before = server.requests.length;
    const error = await client.assumeRole({ RoleArn: "x", RoleSessionName: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["RoleArn", "RoleSessionName"]);
    expect(server.requests.length).toBe(before);
  });

  it("retries throttling and 5xx answers, then reports the attempts", async () => {
    server.setHandler((_, index) =>
      index % 3 === 0
        ? { status: 400, body: errorXml("Throttling", "Rate exceeded") }
        : index % 3 === 1
          ? { status: 503, body: "" }
          : { body: successXml("GetCallerIdentity", IDENTITY, "ok-3") },
    );
    server.requests.length = 0;
    const result = await client.getCallerIdentity();
    expect(result.$metadata.attempts).toBe(3);
    expect(result.$metadata.requestId).toBe("ok-3");
    expect(server.requests).toHaveLength(3);
  });

  it("gives up after maxAttempts with the last error and its $metadata", async () => {
    server.setHandler(() => ({ status: 500, body: errorXml("InternalFailure", "boom", "r500", "Receiver") }));
    const error = (await client.getCallerIdentity().catch((e: unknown) => e)) as STSServiceError;
    expect(error).toBeInstanceOf(STSServiceError);
    expect(error.code).toBe("InternalFailure");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 500, requestId: "r500", attempts: 3 });
  });

  it("retries a dropped connection and reports the transport error with $metadata when it persists", async () => {
    server.setHandler(() => ({ destroy: true }));
    const error = (await client.getCallerIdentity().catch((e: unknown) => e)) as {
      code?: string;
      $metadata?: { attempts: number };
    };
    expect(error.code).toMatch(/^(connection-reset|truncated-body|network)$/);
    expect(error.$metadata?.attempts).toBe(3);
  });

  it("corrects a skewed clock from the server's Date header and re-signs", async () => {
    const serverSkewMs = 2 * 60 * 60 * 1000;
    server.requests.length = 0;
    server.setHandler((request) => {
      const serverNow = Date.now() + serverSkewMs;
      const sent = amzDate(String(request.headers["x-amz-date"]));
      if (Math.abs(sent - serverNow) > 5 * 60 * 1000) {
        const body = errorXml("SignatureDoesNotMatch", "Signature expired: request time is too skewed");
        return { status: 403, headers: { date: new Date(serverNow).toUTCString() }, body };
      }
      return { body: successXml("GetCallerIdentity", IDENTITY) };
    });
    const skewed = testClient(server.url);
    const result = await skewed.getCallerIdentity();
    expect(result.$metadata.attempts).toBe(2);
    const second = amzDate(String(server.requests[1]!.headers["x-amz-date"]));
    expect(Math.abs(second - (Date.now() + serverSkewMs))).toBeLessThan(60_000);
    // The correction persists: the next call is signed right the first time.
    expect((await skewed.getCallerIdentity()).$metadata.attempts).toBe(1);
    await skewed.close();
  });

  it("stops at once with an already-aborted signal, sending nothing", async () => {
    const before = server.requests.length;
    const controller = new AbortController();
    controller.abort();
    const error = await client.getCallerIdentity({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("aborted");
    expect(server.requests.length).toBe(before);
  });

  it("does not wait for a slow credential provider once the signal aborts", async () => {
    const slow = testClient(server.url, { credentials: () => new Promise(() => {}) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await slow.getCallerIdentity({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("aborted");
    await slow.close();
  });

  it("abandons a call in flight when its signal aborts", async () => {
    server.setHandler(() => ({ delayMs: 2_000, body: successXml("GetCallerIdentity", IDENTITY) }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await client.getCallerIdentity({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
