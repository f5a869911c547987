import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HttpRequest } from "@lanyard/http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldHeaderValue } from "../src/canonical-headers.js";
import { canonicalQuery, parseQuery, type QueryPair } from "../src/canonical-uri.js";
import { uriDecode, uriEncode } from "../src/encoding.js";
import { nodeHash } from "../src/hash/node.js";
import type { SignOptions } from "../src/types.js";
import { bindings } from "./support/bindings.js";

const sigv4 = bindings(nodeHash);
const options: SignOptions = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "service",
  date: new Date("2015-08-30T12:36:00Z"),
};

const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  .filter((name) => !["host", "x-amz-date"].includes(name));
const headerValue = fc.stringMatching(/^[ -~]{0,20}$/);
// Unicode text without lone surrogates, which no URL or header can carry.
const text = fc.string({ unit: "grapheme", maxLength: 12 });

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("canonicalization properties", () => {
  it("uriEncode emits only unreserved characters and %XX, and uriDecode undoes it", () => {
    fc.assert(
      fc.property(text, (value) => {
        const encoded = uriEncode(value);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(uriDecode(encoded)).toBe(value);
      }),
    );
  });

  it("a query survives URL serialization: parseQuery(search) gives back the pairs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), (pairs) => {
        const url = new URL("https://example.com/");
        url.search = pairs.map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join("&");
        expect(parseQuery(url.search)).toEqual(pairs);
      }),
    );
  });

  it("folding a header value trims it and collapses every whitespace run to one space", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t\r\na-c]{0,12}$/), (value) => {
        expect(foldHeaderValue(value)).toBe(value.replace(/[ \t\r\n]+/g, " ").trim());
      }),
    );
  });

  it("the canonical query does not depend on parameter order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), fc.nat(), (pairs, seed) => {
        const shuffledPairs: QueryPair[] = shuffled(pairs, seed);
        expect(canonicalQuery(shuffledPairs)).toBe(canonicalQuery(pairs));
      }),
    );
  });

  it("the signature does not depend on header order or header-name case", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(headerName, headerValue), { selector: ([name]) => name, maxLength: 8 }),
        fc.nat(),
        (entries, seed) => {
          const request = (list: [string, string][], upper: boolean): HttpRequest => ({
            method: "POST",
            url: new URL("https://example.amazonaws.com/"),
            headers: Object.fromEntries(list.map(([n, v]) => [upper ? n.toUpperCase() : n, v])),
          });
          const a = sigv4.signatureDetails(request(entries, false), options);
          const b = sigv4.signatureDetails(request(shuffled(entries, seed), true), options);
          expect(b.canonicalRequest).toBe(a.canonicalRequest);
          expect(b.signature).toBe(a.signature);
        },
      ),
    );
  });
});

describe("entry points", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));

  it("the main entry's import graph has no node: module", () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(import.meta.dirname, "..", "src", file), "utf8");
      for (const [, specifier] of source.matchAll(/from "([^"]+)"/g)) {
        expect(specifier?.startsWith("node:"), `${file} imports ${specifier}`).toBe(false);
        // `#platform` resolves to platform.ts everywhere but Node.
        if (specifier === "#platform") visit("platform.ts");
        if (specifier?.startsWith("./")) visit(join(file, "..", specifier.replace(/\.js$/, ".ts")));
      }
    };
    visit("index.ts");
    expect(seen.has("hash/noble.ts")).toBe(true);
    expect(seen.has("hash/node.ts")).toBe(false);
  });

  it("the node condition of the one #platform seam selects node:crypto", () => {
    expect(pkg.imports["#platform"].node).toBe("./dist/platform.node.js");
    expect(pkg.imports["#platform"].default).toBe("./dist/platform.js");
    expect(Object.keys(pkg.exports)).toEqual([".", "./package.json"]);
  });
});
