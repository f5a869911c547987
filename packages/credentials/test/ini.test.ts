import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIni } from "../src/node/index.js";

const plain = (sections: ReturnType<typeof parseIni>) =>
  Object.fromEntries(Object.entries(sections).map(([name, values]) => [name, { ...values }]));

describe("parseIni", () => {
  it("reads sections, keys and values with whitespace trimmed, headers as written", () => {
    const parsed = parseIni(
      "[default]\naws_access_key_id = AKID\n  \n[profile dev]\nregion=eu-west-1\r\n[ spaced ]\nk = v\n",
    );
    expect(plain(parsed)).toEqual({
      default: { aws_access_key_id: "AKID" },
      "profile dev": { region: "eu-west-1" },
      " spaced ": { k: "v" },
    });
  });

  it("drops full-line and inline comments but keeps # or ; inside a value", () => {
    const parsed = parseIni(
      "# top\n; top\n[a] # header comment\nk1 = v1 # comment\nk2 = v2 ; comment\nk3 = pass#word;x\n  # indented\n",
    );
    expect({ ...parsed.a }).toEqual({ k1: "v1", k2: "v2", k3: "pass#word;x" });
  });

  it("stores indented keys under an empty value as dotted sub-keys, not the empty key itself", () => {
    const parsed = parseIni(
      "[p]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = us-east-1\n",
    );
    expect({ ...parsed.p }).toEqual({
      "s3.max_concurrent_requests": "20",
      "s3.addressing_style": "path",
      region: "us-east-1",
    });
  });

  it("ignores lines without `=` (continuations) and keys starting with `=`, as the JS SDK does", () => {
    const parsed = parseIni("[p]\ncredential_process = /bin/tool\n  --flag\n= orphan\nregion: x\nnext = 1\n");
    expect({ ...parsed.p }).toEqual({ credential_process: "/bin/tool", next: "1" });
  });

  it("keeps the last of repeated keys and merges repeated sections", () => {
    const parsed = parseIni("[a]\nx = 1\nx = 2\n[b]\ny = 2\n[a]\nz = 3\n");
    expect({ ...parsed.a }).toEqual({ x: "2", z: "3" });
  });

  it("reads files with CR-only line endings", () => {
    const parsed = parseIni("[default]\raws_access_key_id = AKID\raws_secret_access_key = s\r");
    expect({ ...parsed.default }).toEqual({ aws_access_key_id: "AKID", aws_secret_access_key: "s" });
  });

  it("reads a file that starts with a byte order mark", () => {
    expect({ ...parseIni("\ufeff[default]\nregion = us-east-1\n").default }).toEqual({ region: "us-east-1" });
  });

  it("ignores keys before any section and __proto__ sections or keys", () => {
    const parsed = parseIni("orphan = 1\n[__proto__]\npolluted = yes\n[ok]\n__proto__ = x\nk = v\n");
    expect(Object.keys(parsed)).toEqual(["ok"]);
    expect({ ...parsed.ok }).toEqual({ k: "v" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const word = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
  .filter((w) => !["constructor", "prototype"].includes(w));
const value = fc.stringMatching(/^[A-Za-z0-9/+=:._@-]{1,30}$/);
const header = fc.oneof(
  fc.constant("default"),
  word.map((w) => `profile ${w}`),
  word.map((w) => `sso-session ${w}`),
  word.map((w) => `services ${w}`),
  word,
);
const eol = fc.constantFrom("\n", "\r\n", "\r");
const gap = fc.constantFrom("", " ", "  ", "\t");
const comment = fc.constantFrom("", " # note", " ; note");

/** A file as a model (header → key → value) and a text rendering of it. */
const generatedFile = fc
  .uniqueArray(
    fc.record({
      header,
      keys: fc.dictionary(word, value, { minKeys: 1, maxKeys: 5 }),
      sub: fc.option(
        fc.record({ parent: word, keys: fc.dictionary(word, value, { minKeys: 1, maxKeys: 3 }) }),
      ),
    }),
    { minLength: 1, maxLength: 5, selector: (s) => s.header },
  )
  .chain((sections) =>
    fc.tuple(fc.constant(sections), fc.array(fc.tuple(eol, gap, comment), { minLength: 64, maxLength: 64 })),
  );

function render([sections, style]: [
  {
    header: string;
    keys: Record<string, string>;
    sub: { parent: string; keys: Record<string, string> } | null;
  }[],
  [string, string, string][],
]) {
  const lines: string[] = [];
  const model: Record<string, Record<string, string>> = {};
  let i = 0;
  const next = () => style[i++ % style.length] as [string, string, string];
  for (const { header: name, keys, sub } of sections) {
    const [, , headerComment] = next();
    lines.push(`[${name}]${headerComment}`, "# a comment line");
    const entries: Record<string, string> = { ...keys };
    for (const [k, v] of Object.entries(keys)) {
      const [, pad, trailing] = next();
      lines.push(`${k}${pad}=${pad}${v}${trailing}`);
    }
    if (sub !== null && !(sub.parent in keys)) {
      lines.push(`${sub.parent} =`);
      for (const [k, v] of Object.entries(sub.keys)) {
        const [, pad] = next();
        lines.push(`  ${k}${pad}=${pad}${v}`);
        entries[`${sub.parent}.${k}`] = v;
      }
    }
    model[name] = entries;
  }
  const text = lines.map((line) => line + next()[0]).join("");
  return { text, model };
}

describe("parseIni properties", () => {
  it("reads back what a generated file holds, whatever its line endings, spacing and comments", () => {
    fc.assert(
      fc.property(generatedFile, (file) => {
        const { text, model } = render(file);
        expect(plain(parseIni(text))).toEqual(model);
      }),
    );
  });

  it("parses LF, CRLF, CR and mixed line endings of the same lines alike", () => {
    const noBreaks = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ""));
    const line = fc.oneof(
      header.map((h) => `[${h}]`),
      fc.tuple(word, gap, value).map(([k, pad, v]) => `${pad}${k} =${pad}${v}`),
      word.map((k) => `${k} =`),
      noBreaks,
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.array(eol, { minLength: 30, maxLength: 30 }),
        (lines, ends) => {
          const lf = plain(parseIni(lines.join("\n")));
          expect(plain(parseIni(lines.join("\r\n")))).toEqual(lf);
          expect(plain(parseIni(lines.join("\r")))).toEqual(lf);
          expect(plain(parseIni(lines.map((l, i) => l + ends[i]).join("")))).toEqual(lf);
        },
      ),
    );
  });

  it("never throws, whatever the text", () => {
    const ini = fc.array(
      fc.oneof(fc.string(), fc.constantFrom("[", "]", "=", "\n", "\r", "#", ";", " ", "__proto__")),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme" }),
          ini.map((parts) => parts.join("")),
        ),
        (text) => {
          expect(() => parseIni(text)).not.toThrow();
        },
      ),
    );
  });
});
