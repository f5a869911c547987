// Requests and options as plain JavaScript passes them: a URL string, headers left out, a body
// object, a token that is no string, a flag spelt "false". Each is a SigV4Error naming the member
// and what it takes, never a TypeError from inside canonicalization or the hash, and never a
// signature over a coerced value.
import { inspect } from "node:util";
import type { HttpRequest } from "@lanyard/http";
import { describe, expect, it } from "vitest";
import { nodeHash } from "../src/hash/node.js";
import { SigV4Error, signAsync } from "../src/index.js";
import type { SignOptions } from "../src/types.js";
import { bindings } from "./support/bindings.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const options: SignOptions = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET },
  region: "us-east-1",
  service: "sts",
  date: new Date("2015-08-30T12:36:00Z"),
};
const request = (): HttpRequest => ({
  method: "GET",
  url: new URL("https://sts.amazonaws.com/?Action=GetCallerIdentity"),
  headers: { host: "sts.amazonaws.com" },
});
const node = bindings(nodeHash);

function failure(run: () => unknown): SigV4Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SigV4Error);
    expect(inspect(error)).not.toContain(SECRET);
    return error as SigV4Error;
  }
  throw new Error("it signed");
}

describe("a request that is not an HttpRequest", () => {
  const cases: [string, unknown, RegExp][] = [
    ["null", null, /^Missing request/],
    [
      "a URL string",
      { ...request(), url: "https://sts.amazonaws.com/" },
      /^Invalid request\.url: expected a URL object/,
    ],
    ["no headers", { ...request(), headers: undefined }, /^Invalid request\.headers/],
    ["a method that is no string", { ...request(), method: 5 }, /^Invalid request\.method/],
    [
      "a body object",
      { ...request(), method: "POST", body: { Action: "GetCallerIdentity" } },
      /^Invalid request\.body/,
    ],
  ];
  it.each(cases)("%s: sign, presign and signatureDetails name the member", (_, bad, message) => {
    for (const run of [
      () => node.sign(bad as HttpRequest, options),
      () => node.presign(bad as HttpRequest, { ...options, expiresIn: 60 }),
      () => node.signatureDetails(bad as HttpRequest, options),
    ]) {
      const error = failure(run);
      expect(error.code).toBe("invalid-request");
      expect(error.message).toMatch(message);
    }
  });

  it.each(cases)("%s: signAsync rejects the same way", async (_, bad, message) => {
    await expect(signAsync(bad as HttpRequest, options)).rejects.toThrow(message);
  });
});

describe("options of the wrong type", () => {
  it.each([5, {}, ["token"]])(
    "a session token of %o is refused, not signed as its string form",
    (sessionToken) => {
      const credentials = { ...options.credentials, sessionToken } as unknown as SignOptions["credentials"];
      const error = failure(() => node.sign(request(), { ...options, credentials }));
      expect(error.message).toMatch(/^Invalid credentials\.sessionToken/);
    },
  );

  it.each([
    "unsignedPayload",
    "normalizePath",
    "doubleEncodePath",
    "omitSessionToken",
    "contentSha256Header",
  ])('%s: "false" is refused (a string is truthy)', (name) => {
    const error = failure(() => node.sign(request(), { ...options, [name]: "false" }));
    expect(error.code).toBe("invalid-option");
    expect(error.message).toBe(`Invalid ${name}: expected true or false.`);
  });

  it("an empty or null session token still means none", () => {
    for (const sessionToken of ["", null]) {
      const credentials = { ...options.credentials, sessionToken } as unknown as SignOptions["credentials"];
      expect(node.sign(request(), { ...options, credentials }).headers).not.toHaveProperty(
        "x-amz-security-token",
      );
    }
  });
});
