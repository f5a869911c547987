import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLoginToken } from "../src/node/login-token.js";

/** Every problem is one of these shapes: field names and fixed words, never the file's text. */
const PROBLEM =
  /^(it is not a JSON object|missing or empty: [A-Za-z.]+(, [A-Za-z.]+)*|accessToken\.expiresAt is not an ISO-8601 timestamp)$/;

const text = fc.string({ minLength: 1, maxLength: 40 });
const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const cacheFile = fc.record({
  accessToken: fc.record({
    accessKeyId: text,
    secretAccessKey: text,
    sessionToken: text,
    accountId: text,
    expiresAt: isoDate,
  }),
  tokenType: text,
  clientId: text,
  refreshToken: text,
  idToken: text,
  dpopKey: text,
});

const REQUIRED = [
  "clientId",
  "refreshToken",
  "dpopKey",
  "accessToken.accessKeyId",
  "accessToken.secretAccessKey",
  "accessToken.sessionToken",
  "accessToken.accountId",
  "accessToken.expiresAt",
];

function remove(doc: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(doc);
  const [head = "", tail] = path.split(".");
  if (tail === undefined) delete copy[head];
  else delete (copy[head] as Record<string, unknown>)[tail];
  return copy;
}

describe("parseLoginToken", () => {
  it("accepts every well-formed cache file and keeps each field as written", () => {
    fc.assert(
      fc.property(cacheFile, (doc) => {
        const parsed = parseLoginToken(JSON.stringify(doc));
        expect("token" in parsed && parsed.token).toEqual(doc);
        expect("expiresAt" in parsed && parsed.expiresAt.toISOString()).toBe(doc.accessToken.expiresAt);
      }),
    );
  });

  it("names exactly the required field that is missing", () => {
    fc.assert(
      fc.property(cacheFile, fc.constantFrom(...REQUIRED), (doc, field) => {
        const parsed = parseLoginToken(JSON.stringify(remove(doc, field)));
        expect(parsed).toEqual({ problem: `missing or empty: ${field}` });
      }),
    );
  });

  it("never throws on any text, and never quotes it in a problem", () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.json(),
      cacheFile.chain((doc) => fc.nat(200).map((n) => JSON.stringify(doc).slice(0, n))),
    );
    fc.assert(
      fc.property(anyText, (input) => {
        const parsed = parseLoginToken(input);
        if ("problem" in parsed) expect(parsed.problem).toMatch(PROBLEM);
      }),
    );
  });

  it.each([
    ["", "it is not a JSON object"],
    ["null", "it is not a JSON object"],
    ['"text"', "it is not a JSON object"],
    ["[]", "it is not a JSON object"],
    ["{}", "missing or empty: accessToken, clientId, refreshToken, dpopKey"],
    [
      '{"accessToken": [], "clientId": "c", "refreshToken": "r", "dpopKey": "k"}',
      "missing or empty: accessToken",
    ],
    [
      '{"accessToken": {"accessKeyId": 1, "secretAccessKey": "s", "sessionToken": "t", "accountId": "a", "expiresAt": "2030-01-01T00:00:00Z"}, "clientId": "c", "refreshToken": "", "dpopKey": "k"}',
      "missing or empty: accessToken.accessKeyId, refreshToken",
    ],
    [
      '{"accessToken": {"accessKeyId": "a", "secretAccessKey": "s", "sessionToken": "t", "accountId": "a", "expiresAt": "tomorrow"}, "clientId": "c", "refreshToken": "r", "dpopKey": "k"}',
      "accessToken.expiresAt is not an ISO-8601 timestamp",
    ],
  ])("reports %j as %j", (input, problem) => {
    expect(parseLoginToken(input)).toEqual({ problem });
  });

  it("reads the CLI's expiresAt format (no fractional seconds) and the JavaScript SDK's", () => {
    const base = {
      accessToken: { accessKeyId: "a", secretAccessKey: "s", sessionToken: "t", accountId: "1" },
      clientId: "c",
      refreshToken: "r",
      dpopKey: "k",
    };
    for (const expiresAt of ["2025-11-19T00:15:00Z", "2025-11-19T00:15:00.000Z"]) {
      const parsed = parseLoginToken(
        JSON.stringify({ ...base, accessToken: { ...base.accessToken, expiresAt } }),
      );
      expect("expiresAt" in parsed && parsed.expiresAt.toISOString()).toBe("2025-11-19T00:15:00.000Z");
    }
  });
});
