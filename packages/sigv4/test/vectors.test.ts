import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldHeaderValue } from "../src/canonical-headers.js";
import { nobleHash } from "../src/hash/noble.js";
import { nodeHash } from "../src/hash/node.js";
import { signAsync } from "../src/sign-async.js";
import type { SignOptions } from "../src/types.js";
import { parseRawRequest, type RawRequest, rawPath, toHttpRequest, urlOf } from "./raw-request.js";
import { bindings } from "./support/bindings.js";

const VECTORS = join(import.meta.dirname, "vectors");
const AWS_C_AUTH = join(VECTORS, "aws-c-auth", "v4");
const BOTOCORE = join(VECTORS, "botocore-aws4_testsuite");

/**
 * aws-c-auth cases that cannot apply, with the reason. Each is an unnormalized (S3-style) path
 * with `.`/`..` segments: `HttpRequest.url` is a WHATWG URL, whose parser always resolves dot
 * segments, so such a path cannot be handed to the signer at all. The test below proves it.
 */
const NOT_APPLICABLE: Record<string, string> = {
  "get-relative-unnormalized": "URL resolves /example/.. to /",
  "get-relative-relative-unnormalized": "URL resolves /example1/example2/../.. to /",
  "get-slash-dot-slash-unnormalized": "URL resolves /./ to /",
  "get-slash-pointless-dot-unnormalized": "URL resolves /./example to /example",
};

const backends = [
  ["node:crypto", bindings(nodeHash)],
  ["@noble/hashes", bindings(nobleHash)],
] as const;

const read = (...parts: string[]): string => readFileSync(join(...parts), "utf8");

interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  region: string;
  service: string;
  timestamp: string;
  normalize: boolean;
  sign_body: boolean;
  omit_session_token?: boolean;
  expiration_in_seconds: number;
}

/**
 * The suites write paths the way their signers receive them, then encode them once. A path
 * with a space or non-ASCII character is not a wire path: parsing it into a URL already applies
 * that one encoding, so the signer must not encode again.
 */
function doubleEncodeFor(raw: RawRequest, normalize: boolean): boolean {
  return normalize && !/[^\x21-\x7e]/.test(rawPath(raw));
}

function optionsOf(ctx: Context, raw: RawRequest): SignOptions {
  const { access_key_id, secret_access_key, token } = ctx.credentials;
  return {
    credentials: { accessKeyId: access_key_id, secretAccessKey: secret_access_key, sessionToken: token },
    region: ctx.region,
    service: ctx.service,
    date: new Date(ctx.timestamp),
    normalizePath: ctx.normalize,
    doubleEncodePath: doubleEncodeFor(raw, ctx.normalize),
    omitSessionToken: ctx.omit_session_token === true,
  };
}

/** Header name (lower-case) → value with whitespace folded, for comparing whole requests. */
function headerMap(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = foldHeaderValue(value);
  return out;
}

const awsCases = readdirSync(AWS_C_AUTH).sort();
const applicable = awsCases.filter((name) => !(name in NOT_APPLICABLE));

describe("aws-c-auth v4 suite", () => {
  it("has 38 cases, 4 of them not applicable", () => {
    expect(awsCases).toHaveLength(38);
    expect(applicable).toHaveLength(34);
  });

  it.each(Object.keys(NOT_APPLICABLE))("%s cannot be expressed as an HttpRequest URL", (name) => {
    const raw = parseRawRequest(read(AWS_C_AUTH, name, "request.txt"));
    expect(urlOf(raw).pathname).not.toBe(rawPath(raw));
  });

  describe.each(backends)("with %s", (_, sigv4) => {
    describe.each(applicable)("%s", (name) => {
      const dir = join(AWS_C_AUTH, name);
      const ctx = JSON.parse(read(dir, "context.json")) as Context;
      const raw = parseRawRequest(read(dir, "request.txt"));
      const options = optionsOf(ctx, raw);

      it("signs headers: canonical request, string to sign, signature and signed request", () => {
        const headerOptions = { ...options, contentSha256Header: ctx.sign_body };
        const details = sigv4.signatureDetails(toHttpRequest(raw), headerOptions);
        expect(details.canonicalRequest).toBe(read(dir, "header-canonical-request.txt"));
        expect(details.stringToSign).toBe(read(dir, "header-string-to-sign.txt"));
        expect(details.signature).toBe(read(dir, "header-signature.txt").trim());
        const signed = sigv4.sign(toHttpRequest(raw), headerOptions);
        const expected = parseRawRequest(read(dir, "header-signed-request.txt"));
        expect(headerMap(signed.headers)).toEqual(headerMap(expected.headers));
        expect(signed.url.href).toBe(urlOf(expected).href);
        expect(signed.body).toBe(expected.body);
      });

      it("presigns: canonical request, string to sign, signature and signed URL", () => {
        const presignOptions = { ...options, expiresIn: ctx.expiration_in_seconds };
        const details = sigv4.presignDetails(toHttpRequest(raw), presignOptions);
        expect(details.canonicalRequest).toBe(read(dir, "query-canonical-request.txt"));
        expect(details.stringToSign).toBe(read(dir, "query-string-to-sign.txt"));
        expect(details.signature).toBe(read(dir, "query-signature.txt").trim());
        const expected = parseRawRequest(read(dir, "query-signed-request.txt"));
        expect(details.url.href).toBe(urlOf(expected).href);
        expect(sigv4.presign(toHttpRequest(raw), presignOptions).href).toBe(details.url.href);
      });
    });
  });

  describe("with signAsync (WebCrypto)", () => {
    it.each(applicable)("%s: signs headers to the suite's signed request", async (name) => {
      const dir = join(AWS_C_AUTH, name);
      const ctx = JSON.parse(read(dir, "context.json")) as Context;
      const raw = parseRawRequest(read(dir, "request.txt"));
      const signed = await signAsync(toHttpRequest(raw), {
        ...optionsOf(ctx, raw),
        contentSha256Header: ctx.sign_body,
      });
      const expected = parseRawRequest(read(dir, "header-signed-request.txt"));
      expect(headerMap(signed.headers)).toEqual(headerMap(expected.headers));
      expect(signed.url.href).toBe(urlOf(expected).href);
      expect(signed.body).toBe(expected.body);
    });
  });
});

/** Every folder holding a `<name>.req`, recursively (normalize-path/ and post-sts-token/ nest them). */
function botocoreCases(dir: string, prefix = ""): string[] {
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      const nested = botocoreCases(path, `${prefix}${entry}/`);
      return readdirSync(path).includes(`${entry}.req`) ? [`${prefix}${entry}`, ...nested] : nested;
    });
}

/** Session tokens of the botocore cases that use one (the suite states them only in its prose). */
const STS_TOKEN =
  "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

const SESSION_TOKENS: Record<string, string> = {
  "get-vanilla-with-session-token": "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
};

/**
 * Upstream data defect: this case's .sreq repeats get-vanilla's signature (5fa00fa3…), while its
 * own .sts and .authz (and aws-c-auth's copy of the case) give 07ec1639…. The signed request is
 * still compared in full, with its Authorization taken from .authz.
 */
const SREQ_WITH_STALE_SIGNATURE = new Set(["get-vanilla-with-session-token"]);

/** A botocore case's file stem, request and signing options. */
function botocoreCase(name: string) {
  const base = join(BOTOCORE, name, name.slice(name.lastIndexOf("/") + 1));
  const raw = parseRawRequest(read(`${base}.req`));
  // post-sts-token/readme.txt: "after" adds the token once the signature is computed.
  const token = name.startsWith("post-sts-token/") ? STS_TOKEN : SESSION_TOKENS[name];
  const options: SignOptions = {
    credentials: {
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      sessionToken: token,
    },
    region: "us-east-1",
    service: "service",
    date: new Date("2015-08-30T12:36:00Z"),
    doubleEncodePath: doubleEncodeFor(raw, true),
    omitSessionToken: name.endsWith("header-after"),
  };
  return { base, raw, options };
}

describe("botocore aws4_testsuite", () => {
  const cases = botocoreCases(BOTOCORE);

  // 24 top-level cases + 8 under normalize-path/ + 2 under post-sts-token/.
  it("has 34 cases", () => {
    expect(cases).toHaveLength(34);
  });

  describe.each(backends)("with %s", (_, sigv4) => {
    it.each(cases)("%s: canonical request, string to sign, authorization and signed request", (name) => {
      const { base, raw, options } = botocoreCase(name);
      const details = sigv4.signatureDetails(toHttpRequest(raw), options);
      expect(details.canonicalRequest).toBe(read(`${base}.creq`));
      expect(details.stringToSign).toBe(read(`${base}.sts`));
      const signed = sigv4.sign(toHttpRequest(raw), options);
      expect(signed.headers.authorization).toBe(read(`${base}.authz`).trim());
      const expected = parseRawRequest(read(`${base}.sreq`));
      const expectedHeaders = headerMap(expected.headers);
      if (SREQ_WITH_STALE_SIGNATURE.has(name)) expectedHeaders.authorization = read(`${base}.authz`).trim();
      expect(headerMap(signed.headers)).toEqual(expectedHeaders);
      expect(signed.url.href).toBe(urlOf(expected).href);
      expect(signed.body).toBe(expected.body);
    });
  });

  describe("with signAsync (WebCrypto)", () => {
    it.each(cases)("%s: authorization and signed request", async (name) => {
      const { base, raw, options } = botocoreCase(name);
      const signed = await signAsync(toHttpRequest(raw), options);
      expect(signed.headers.authorization).toBe(read(`${base}.authz`).trim());
      const expected = parseRawRequest(read(`${base}.sreq`));
      const expectedHeaders = headerMap(expected.headers);
      if (SREQ_WITH_STALE_SIGNATURE.has(name)) expectedHeaders.authorization = read(`${base}.authz`).trim();
      expect(headerMap(signed.headers)).toEqual(expectedHeaders);
      expect(signed.url.href).toBe(urlOf(expected).href);
      expect(signed.body).toBe(expected.body);
    });
  });
});
