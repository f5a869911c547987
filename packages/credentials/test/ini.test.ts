import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIni } from "../src/node/index.js";

describe("parseIni", () => {
  it("reads sections, keys and values with whitespace trimmed", () => {
    const parsed = parseIni("[default]\naws_access_key_id = AKID\n  \n[profile dev]\nregion=eu-west-1\r\n");
    expect({ ...parsed.default }).toEqual({ aws_access_key_id: "AKID" });
    expect({ ...parsed["profile dev"] }).toEqual({ region: "eu-west-1" });
  });

  it("drops full-line and inline comments but keeps # or ; inside a value", () => {
    const parsed = parseIni(
      "# top\n; top\n[a] # header comment\nk1 = v1 # comment\nk2 = v2 ; comment\nk3 = pass#word;x\n",
    );
    expect({ ...parsed.a }).toEqual({ k1: "v1", k2: "v2", k3: "pass#word;x" });
  });

  it("reads indented keys under an empty value as dotted sub-keys", () => {
    const parsed = parseIni(
      "[p]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = us-east-1\n",
    );
    expect({ ...parsed.p }).toEqual({
      s3: "",
      "s3.max_concurrent_requests": "20",
      "s3.addressing_style": "path",
      region: "us-east-1",
    });
  });

  it("appends indented continuation lines to the previous value", () => {
    const parsed = parseIni("[p]\ncredential_process = /bin/tool\n  --flag\nnext = 1\n");
    expect(parsed.p?.credential_process).toBe("/bin/tool\n--flag");
    expect(parsed.p?.next).toBe("1");
  });

  it("ignores keys before any section and __proto__ sections or keys", () => {
    const parsed = parseIni("orphan = 1\n[__proto__]\npolluted = yes\n[ok]\n__proto__ = x\nk = v\n");
    expect(Object.keys(parsed)).toEqual(["ok"]);
    expect({ ...parsed.ok }).toEqual({ k: "v" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("merges a repeated section header into one section", () => {
    const parsed = parseIni("[a]\nx = 1\n[b]\ny = 2\n[a]\nz = 3\n");
    expect({ ...parsed.a }).toEqual({ x: "1", z: "3" });
  });

  it("round-trips simple generated files (property)", () => {
    const word = fc
      .stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
      .filter((w) => w !== "constructor" && w !== "prototype");
    const value = fc.stringMatching(/^[A-Za-z0-9/+=:._-]{1,30}$/);
    fc.assert(
      fc.property(fc.dictionary(word, fc.dictionary(word, value, { minKeys: 1 }), { minKeys: 1 }), (file) => {
        const text = Object.entries(file)
          .map(
            ([s, kv]) =>
              `[${s}]\n${Object.entries(kv)
                .map(([k, v]) => `${k} = ${v}`)
                .join("\n")}`,
          )
          .join("\n\n");
        const parsed = parseIni(text);
        expect(Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, { ...v }]))).toEqual(file);
      }),
    );
  });
});
