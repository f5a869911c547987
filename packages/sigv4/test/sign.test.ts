import { inspect } from "node:util";
import type { HttpRequest } from "@lanyard/http";
import { describe, expect, it } from "vitest";
import { nobleHash } from "../src/hash/noble.js";
import { nodeHash } from "../src/hash/node.js";
import { parseAmzDate, parseAuthorization, SigV4Error } from "../src/index.js";
import { EMPTY_SHA256, UNSIGNED_PAYLOAD } from "../src/payload.js";
import { cachedSigningKey } from "../src/signing-key.js";
import type { SignOptions } from "../src/types.js";
import { bindings } from "./support/bindings.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
const DATE = new Date("2015-08-30T12:36:00Z");
const base: SignOptions = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET },
  region: "us-east-1",
  service: "sts",
  date: DATE,
};

function assumeRole(): HttpRequest {
  return {
    method: "POST",
    url: new URL("https://sts.us-east-1.amazonaws.com/"),
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "User-Agent": "lanyard" },
    body: "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=s",
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof SigV4Error) return error.code;
    throw error;
  }
  return undefined;
}

const node = bindings(nodeHash);
const noble = bindings(nobleHash);

describe("sign", () => {
  it("gives the same signature with node:crypto and @noble/hashes", () => {
    const options = { ...base, credentials: { ...base.credentials, sessionToken: TOKEN } };
    expect(node.sign(assumeRole(), options).headers).toEqual(noble.sign(assumeRole(), options).headers);
  });

  it("hashes a Uint8Array body the same as the equal string", () => {
    const text = assumeRole();
    const bytes = { ...assumeRole(), body: new TextEncoder().encode(String(text.body)) };
    expect(node.sign(bytes, base).headers.authorization).toBe(node.sign(text, base).headers.authorization);
    expect(noble.sign(bytes, base).headers.authorization).toBe(node.sign(text, base).headers.authorization);
  });

  it("returns a new request and leaves the given one untouched", () => {
    const request = assumeRole();
    const before = structuredClone(request.headers);
    const signed = node.sign(request, base);
    expect(signed).not.toBe(request);
    expect(request.headers).toEqual(before);
    expect(signed.body).toBe(request.body);
  });

  it("signs the session token and adds it as x-amz-security-token", () => {
    const options = { ...base, credentials: { ...base.credentials, sessionToken: TOKEN } };
    const signed = node.sign(assumeRole(), options);
    expect(signed.headers["x-amz-security-token"]).toBe(TOKEN);
    expect(parseAuthorization(signed.headers.authorization!).signedHeaders).toContain("x-amz-security-token");
  });

  it("leaves user-agent and other unsignable headers out of SignedHeaders", () => {
    const request = { ...assumeRole(), headers: { ...assumeRole().headers, Expect: "100-continue" } };
    const { signedHeaders } = node.signatureDetails(request, base);
    expect(signedHeaders).toBe("content-type;host;x-amz-date");
  });

  it("replaces an earlier authorization and x-amz-date in any letter case", () => {
    const request = { ...assumeRole(), headers: { AUTHORIZATION: "old", "X-AMZ-DATE": "old" } };
    const signed = node.sign(request, base);
    expect(Object.keys(signed.headers).sort()).toEqual(["authorization", "x-amz-date"]);
  });

  it("signs UNSIGNED-PAYLOAD when asked and can send it as x-amz-content-sha256", () => {
    const options = { ...base, unsignedPayload: true, contentSha256Header: true };
    const details = node.signatureDetails(assumeRole(), options);
    expect(details.canonicalRequest.endsWith(`\n${UNSIGNED_PAYLOAD}`)).toBe(true);
    expect(node.sign(assumeRole(), options).headers["x-amz-content-sha256"]).toBe(UNSIGNED_PAYLOAD);
  });

  it("signs the empty-string hash for a request without body", () => {
    const request: HttpRequest = { method: "get", url: new URL("https://example.com"), headers: {} };
    const { canonicalRequest } = noble.signatureDetails(request, base);
    expect(canonicalRequest).toBe(
      `GET\n/\n\nhost:example.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n${EMPTY_SHA256}`,
    );
  });

  it("keeps a non-default port in the signed host", () => {
    const request: HttpRequest = { method: "GET", url: new URL("http://127.0.0.1:8080/"), headers: {} };
    expect(node.signatureDetails(request, base).canonicalRequest).toContain("\nhost:127.0.0.1:8080\n");
  });

  it("double-encodes the path by default and not when disabled (S3)", () => {
    const request: HttpRequest = { method: "GET", url: new URL("https://e.com/a b/ሴ"), headers: {} };
    expect(node.signatureDetails(request, base).canonicalRequest.split("\n")[1]).toBe(
      "/a%2520b/%25E1%2588%25B4",
    );
    const s3 = { ...base, doubleEncodePath: false, normalizePath: false };
    expect(node.signatureDetails(request, s3).canonicalRequest.split("\n")[1]).toBe("/a%20b/%E1%88%B4");
  });
});

describe("verifying a received request", () => {
  it("recomputes the signature from the Authorization header and X-Amz-Date", () => {
    const options = { ...base, credentials: { ...base.credentials, sessionToken: TOKEN } };
    const signed = node.sign(assumeRole(), options);
    const auth = parseAuthorization(signed.headers.authorization!);
    const received = { ...signed, headers: { ...signed.headers, "x-forwarded-for": "10.0.0.1" } };
    const { region, service, signedHeaders } = auth;
    const again = noble.signatureDetails(received, {
      credentials: base.credentials,
      region,
      service,
      signedHeaders,
    });
    expect(again.signature).toBe(auth.signature);
    expect(again.signedHeaders).toBe(signedHeaders.join(";"));
  });

  it("rejects a signedHeaders name the request lacks", () => {
    const signed = node.sign(assumeRole(), base);
    const options = { ...base, signedHeaders: ["host", "x-amz-meta"] };
    expect(codeOf(() => node.signatureDetails(signed, options))).toBe("missing-signed-header");
  });

  it("requires a date when verifying a request without X-Amz-Date", () => {
    const { date: _, ...noDate } = base;
    const options = { ...noDate, signedHeaders: ["host"] };
    expect(codeOf(() => node.signatureDetails(assumeRole(), options))).toBe("invalid-date");
  });
});

describe("parseAuthorization", () => {
  it("splits a SigV4 Authorization header into its parts", () => {
    const header = node.sign(assumeRole(), base).headers.authorization!;
    expect(parseAuthorization(header)).toEqual({
      algorithm: "AWS4-HMAC-SHA256",
      accessKeyId: "AKIDEXAMPLE",
      date: "20150830",
      region: "us-east-1",
      service: "sts",
      signedHeaders: ["content-type", "host", "x-amz-date"],
      signature: node.signatureDetails(assumeRole(), base).signature,
    });
  });

  it.each(["", "Basic abc", "AWS4-HMAC-SHA256 Credential=AKID/2015/us-east-1/sts/aws4_request"])(
    "rejects %j",
    (header) => {
      expect(codeOf(() => parseAuthorization(header))).toBe("invalid-authorization");
    },
  );
});

describe("presign", () => {
  const get: HttpRequest = {
    method: "GET",
    url: new URL("https://sts.amazonaws.com/?Action=GetCallerIdentity"),
    headers: {},
  };

  it.each([0, -1, 1.5, 604_801, Number.NaN, "60"])("rejects expiresIn %j", (expiresIn) => {
    expect(codeOf(() => node.presign(get, { ...base, expiresIn: expiresIn as number }))).toBe(
      "invalid-expires",
    );
  });

  it("accepts the 1 second and 7 day bounds", () => {
    expect(node.presign(get, { ...base, expiresIn: 1 }).searchParams.get("X-Amz-Expires")).toBe("1");
    expect(node.presign(get, { ...base, expiresIn: 604_800 }).searchParams.get("X-Amz-Expires")).toBe(
      "604800",
    );
  });

  it("replaces SigV4 parameters of an earlier presigned URL", () => {
    const once = node.presign(get, { ...base, expiresIn: 60 });
    const twice = node.presign({ ...get, url: once }, { ...base, expiresIn: 60 });
    expect(twice.href).toBe(once.href);
  });

  it("carries the session token and keeps the request's own parameters first", () => {
    const options = { ...base, expiresIn: 900, credentials: { ...base.credentials, sessionToken: TOKEN } };
    const url = noble.presign(get, options);
    expect([...url.searchParams.keys()][0]).toBe("Action");
    expect(url.searchParams.get("X-Amz-Security-Token")).toBe(TOKEN);
    expect(url.href).toBe(node.presign(get, options).href);
  });
});

describe("bad input", () => {
  it.each([
    ["missing-credentials", { ...base, credentials: undefined }],
    ["missing-credentials", { ...base, credentials: { accessKeyId: "AKID", secretAccessKey: "" } }],
    ["invalid-option", { ...base, region: "" }],
    ["invalid-option", { ...base, service: "a/b" }],
    ["invalid-option", { ...base, region: "us-east-1\n" }],
    ["invalid-option", { ...base, service: " sts" }],
    ["invalid-option", { ...base, signingRegion: "us-east-1" }],
    ["invalid-date", { ...base, date: new Date(Number.NaN) }],
    ["invalid-date", { ...base, date: "2015-08-30" }],
  ])("fails with %s for %j", (code, options) => {
    expect(codeOf(() => node.sign(assumeRole(), options as unknown as SignOptions))).toBe(code);
  });

  it("rejects missing options with invalid-option", () => {
    expect(codeOf(() => node.sign(assumeRole(), undefined as unknown as SignOptions))).toBe("invalid-option");
    expect(codeOf(() => node.signatureDetails(assumeRole(), null as unknown as SignOptions))).toBe(
      "invalid-option",
    );
  });

  it("rejects a non-ASCII header name", () => {
    const request = { ...assumeRole(), headers: { "x-ñame": "v" } };
    expect(codeOf(() => noble.sign(request, base))).toBe("invalid-header-name");
  });

  it("rejects a malformed X-Amz-Date", () => {
    expect(codeOf(() => parseAmzDate("20151330T123600Z"))).toBe("invalid-date");
    expect(parseAmzDate("20150830T123600Z").getTime()).toBe(DATE.getTime());
  });

  it("never shows the secret key or token in an error, its JSON or util.inspect", () => {
    const credentials = { accessKeyId: "AKID", secretAccessKey: SECRET, sessionToken: TOKEN };
    const cases = [
      () => node.sign(assumeRole(), { ...base, credentials, bogus: SECRET } as SignOptions),
      () => node.sign(assumeRole(), { ...base, credentials, date: new Date(Number.NaN) }),
      () => node.presign(assumeRole(), { ...base, credentials, expiresIn: 0 }),
    ];
    for (const fn of cases) {
      const error = (() => {
        try {
          fn();
        } catch (e) {
          return e as SigV4Error;
        }
        throw new Error("expected a SigV4Error");
      })();
      const shown = `${error.message}${JSON.stringify(error)}${inspect(error, { depth: 5 })}`;
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(TOKEN);
    }
  });
});

describe("the signing-key cache", () => {
  const cached = (keys: Map<string, Uint8Array>, ...scope: [string, string, string, string]) =>
    cachedSigningKey(nodeHash, keys, ...scope, 2);

  it("reuses a derived key and evicts the oldest beyond its bound", () => {
    const keys = new Map<string, Uint8Array>();
    const first = cached(keys, SECRET, "20150830", "us-east-1", "sts");
    expect(cached(keys, SECRET, "20150830", "us-east-1", "sts")).toBe(first);
    cached(keys, SECRET, "20150831", "us-east-1", "sts");
    cached(keys, SECRET, "20150832", "us-east-1", "sts");
    expect(keys.size).toBe(2);
    expect(cached(keys, SECRET, "20150830", "us-east-1", "sts")).not.toBe(first);
  });

  it("keys by secret, date, region and service: changing any one derives another key", () => {
    const keys = new Map<string, Uint8Array>();
    const derived = [
      cachedSigningKey(nodeHash, keys, SECRET, "20150830", "us-east-1", "sts"),
      cachedSigningKey(nodeHash, keys, `${SECRET}x`, "20150830", "us-east-1", "sts"),
      cachedSigningKey(nodeHash, keys, SECRET, "20150831", "us-east-1", "sts"),
      cachedSigningKey(nodeHash, keys, SECRET, "20150830", "us-west-2", "sts"),
      cachedSigningKey(nodeHash, keys, SECRET, "20150830", "us-east-1", "iam"),
    ].map((key) => Buffer.from(key).toString("hex"));
    expect(new Set(derived).size).toBe(5);
  });

  it("derives the same key with both backends", () => {
    const a = cachedSigningKey(nodeHash, new Map(), SECRET, "20150830", "us-east-1", "iam");
    const b = cachedSigningKey(nobleHash, new Map(), SECRET, "20150830", "us-east-1", "iam");
    expect(Buffer.from(a).toString("hex")).toBe(Buffer.from(b).toString("hex"));
  });
});
