import type { HttpRequest } from "@lanyard/http";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
// `signAsync` here is the WebCrypto signer of browsers and workers; the package's `signAsync` on
// Node (the `#platform` seam) signs with node:crypto.
import { signAsync as nodeSignAsync, SigV4Error, sign } from "../src/index.js";
import { signAsync } from "../src/sign-async.js";
import type { SignOptions } from "../src/types.js";

const DATE = new Date("2015-08-30T12:36:00Z");
const base: SignOptions = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "sts",
  date: DATE,
};

function assumeRole(body: string | Uint8Array = "Action=AssumeRole&Version=2011-06-15"): HttpRequest {
  return {
    method: "POST",
    url: new URL("https://sts.us-east-1.amazonaws.com/"),
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
  };
}

const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  .filter((name) => !["host", "x-amz-date", "authorization", "x-amz-content-sha256"].includes(name));
const text = fc.string({ unit: "grapheme", maxLength: 12 });
const randomRequest = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "delete"),
  path: fc.array(text, { maxLength: 4 }),
  query: fc.array(fc.tuple(text, text), { maxLength: 4 }),
  headers: fc.dictionary(headerName, fc.stringMatching(/^[ -~]{0,20}$/), { maxKeys: 6 }),
  body: fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 })), {
    nil: undefined,
  }),
});
const randomOptions = fc.record({
  secret: fc.stringMatching(/^[A-Za-z0-9/+]{1,40}$/),
  token: fc.option(fc.stringMatching(/^[A-Za-z0-9/+=]{1,30}$/), { nil: undefined }),
  region: fc.constantFrom("us-east-1", "eu-west-3", "ap-south-2"),
  date: fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
  unsignedPayload: fc.boolean(),
  normalizePath: fc.boolean(),
  omitSessionToken: fc.boolean(),
  contentSha256Header: fc.boolean(),
});

describe("signAsync", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("gives the same request as sign for random requests and options", async () => {
    await fc.assert(
      fc.asyncProperty(randomRequest, randomOptions, async (r, o) => {
        const url = new URL("https://example.amazonaws.com/");
        url.pathname = `/${r.path.map(encodeURIComponent).join("/")}`;
        url.search = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
        const request: HttpRequest = { method: r.method, url, headers: r.headers, body: r.body };
        const options: SignOptions = {
          credentials: { accessKeyId: "AKID", secretAccessKey: o.secret, sessionToken: o.token },
          region: o.region,
          service: "service",
          date: o.date,
          unsignedPayload: o.unsignedPayload,
          normalizePath: o.normalizePath,
          doubleEncodePath: o.normalizePath,
          omitSessionToken: o.omitSessionToken,
          contentSha256Header: o.contentSha256Header,
        };
        expect(await signAsync(request, options)).toEqual(sign(request, options));
      }),
      { numRuns: 200 },
    );
  });

  it("hashes a Uint8Array body the same as the equal string", async () => {
    const text = await signAsync(assumeRole("Action=é"), base);
    const bytes = await signAsync(assumeRole(new TextEncoder().encode("Action=é")), base);
    expect(bytes.headers.authorization).toBe(text.headers.authorization);
  });

  it("gives the same result from the node entry (node:crypto behind a promise)", async () => {
    const options = { ...base, credentials: { ...base.credentials, sessionToken: "TOKEN" } };
    expect(await nodeSignAsync(assumeRole(), options)).toEqual(await signAsync(assumeRole(), options));
  });

  it("signs concurrent first calls with one cached key, and a new day with a new one", async () => {
    const nextDay = { ...base, date: new Date("2015-08-31T00:00:01Z") };
    const [a, b, c] = await Promise.all([
      signAsync(assumeRole(), base),
      signAsync(assumeRole(), base),
      signAsync(assumeRole(), nextDay),
    ]);
    expect(a).toEqual(b);
    expect(a).toEqual(sign(assumeRole(), base));
    expect(c).toEqual(sign(assumeRole(), nextDay));
  });

  it("rejects invalid options with the same SigV4Error as sign", async () => {
    const options = { ...base, region: "" };
    await expect(signAsync(assumeRole(), options)).rejects.toMatchObject({ code: "invalid-option" });
    expect(() => sign(assumeRole(), options)).toThrow(SigV4Error);
  });

  it("rejects with webcrypto-unavailable, pointing to sign, when crypto.subtle is missing", async () => {
    // An insecure-context (http:) page has `crypto` without `subtle`.
    vi.stubGlobal("crypto", {});
    const error = await signAsync(assumeRole(), base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigV4Error);
    expect(error).toMatchObject({ code: "webcrypto-unavailable" });
    expect((error as Error).message).toMatch(/WebCrypto.*crypto\.subtle.*use sign/);
    vi.stubGlobal("crypto", undefined);
    await expect(signAsync(assumeRole(), base)).rejects.toMatchObject({ code: "webcrypto-unavailable" });
  });
});
