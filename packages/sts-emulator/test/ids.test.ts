import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArn, roleOf } from "../src/identity/arn.js";
import { accessKeyIdFor, accountOfAccessKeyId, base32, uniqueId } from "../src/identity/ids.js";

describe("access key ids", () => {
  it("reads the account of published example keys", () => {
    expect(accountOfAccessKeyId("ASIAQNZGKIQY56JQ7WML")).toBe("029608264753");
    expect(accountOfAccessKeyId("AKIDEXAMPLE")).toBeUndefined();
    expect(accountOfAccessKeyId("ASIAQNZGKIQY56JQ7WM1")).toBeUndefined();
  });

  it("encodes the account into every key it makes (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), (n) => {
        const account = n.toString().padStart(12, "0");
        const id = accessKeyIdFor("ASIA", account);
        expect(id).toMatch(/^ASIA[A-Z2-7]{16}$/);
        expect(accountOfAccessKeyId(id)).toBe(account);
      }),
    );
  });

  it("base32 matches RFC 4648's test vectors without padding", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [text, encoded] of vectors) expect(base32(new TextEncoder().encode(text))).toBe(encoded);
  });

  it("makes stable 21-character unique ids", () => {
    expect(uniqueId("AROA", "arn:aws:iam::1:role/a")).toBe(uniqueId("AROA", "arn:aws:iam::1:role/a"));
    expect(uniqueId("AROA", "arn:aws:iam::1:role/a")).not.toBe(uniqueId("AROA", "arn:aws:iam::1:role/b"));
    expect(uniqueId("AIDA", "x")).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });
});

describe("ARNs", () => {
  it("finds the role of IAM role ARNs, with paths and partitions", () => {
    const role = (text: string) => {
      const arn = parseArn(text);
      return arn && roleOf(arn);
    };
    expect(role("arn:aws:iam::123456789012:role/a/b/deploy")).toEqual({
      partition: "aws",
      account: "123456789012",
      name: "deploy",
    });
    expect(role("arn:aws-cn:iam::123456789012:role/r")?.partition).toBe("aws-cn");
    for (const text of [
      "arn:aws:iam::123456789012:user/u",
      "arn:aws:iam::12345:role/r",
      "arn:aws:iam:us-east-1:123456789012:role/r",
      "arn:aws:iam::123456789012:role/",
    ]) {
      expect(role(text), text).toBeUndefined();
    }
    expect(parseArn("arn:aws:iam:123456789012:role/r")).toBeUndefined();
  });
});
