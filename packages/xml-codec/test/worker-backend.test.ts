import { describe, expect, it, vi } from "vitest";
import { parseXml, XmlCodecError } from "../src/index.js";
import { levelsOfNesting, nested, UNLIMITED } from "./deep-documents.js";

// Workers and other non-Node runtimes validate with fast-xml-parser's own validator (the
// `default` condition of `#prevalidate`) instead of the Node scan.
vi.mock("#prevalidate", () => import("../src/prevalidate.default.js"));

describe("the fast-xml-parser backend with its own validator (workers)", () => {
  it("is the backend under test: it lets an undeclared prefix through, as the Node scan does not", () => {
    expect(parseXml("<p:a/>").name).toBe("a");
  });

  it("parses 100 000 levels of nesting with maxDepth Infinity", () => {
    expect(levelsOfNesting(parseXml(nested(100_000), UNLIMITED))).toBe(100_000);
  }, 60_000);

  it("rejects a deep document left unclosed with the codec's error", () => {
    expect(() => parseXml(nested(100_000).slice(0, -4), UNLIMITED)).toThrow(XmlCodecError);
  }, 60_000);
});
