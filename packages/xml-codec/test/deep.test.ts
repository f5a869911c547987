import { describe, expect, it } from "vitest";
import { decodeShape, parseXml, type ShapeMap, XmlCodecError, type XmlElement } from "../src/index.js";
import { levelsOfNesting, nested, UNLIMITED } from "./deep-documents.js";

/** A structure that contains itself, so decoding follows the document all the way down. */
const recursive: ShapeMap = { A: { type: "structure", members: { a: { shape: "A" } } } };

function decodedDepth(value: unknown): number {
  let depth = 0;
  for (let at = value as { a?: unknown } | undefined; at !== undefined; at = at.a as typeof at) depth++;
  return depth;
}

function failure(work: () => unknown): XmlCodecError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(XmlCodecError);
    return error as XmlCodecError;
  }
  throw new Error("expected an XmlCodecError");
}

describe.each([100_000, 1_000_000])("%i levels of nesting with maxDepth Infinity", (levels) => {
  // One document for both steps: a million levels take seconds to parse.
  it("parses to a tree that deep, and decodes it with a recursive shape", () => {
    const root = parseXml(nested(levels), UNLIMITED);
    expect(levelsOfNesting(root)).toBe(levels);
    expect(decodedDepth(decodeShape(root, "A", recursive))).toBe(levels);
  }, 120_000);
});

describe("limits still hold on deep documents", () => {
  it("rejects a deep document over a raised maxDepth with code too-deep", () => {
    expect(failure(() => parseXml(nested(100_000), { maxDepth: 99_999, maxBytes: 10_000_000 })).code).toBe(
      "too-deep",
    );
  });

  it("rejects a deep document left unclosed with code malformed", () => {
    const unclosed = nested(100_000).slice(0, -4);
    expect(failure(() => parseXml(unclosed, UNLIMITED)).code).toBe("malformed");
  });

  it("decodes a caller-built tree deeper than any parse limit", () => {
    const root: XmlElement = { name: "A", attributes: {}, children: [], text: "" };
    let bottom = root;
    for (let i = 1; i < 200_000; i++) {
      const child: XmlElement = { name: "a", attributes: {}, children: [], text: "" };
      bottom.children.push(child);
      bottom = child;
    }
    expect(decodedDepth(decodeShape(root, "A", recursive))).toBe(200_000);
  });

  it("turns the call stack running out under a model that recurses through map keys into too-deep", () => {
    // Keys are decoded whole before their value, one nested decode per level: only a model no
    // service has (a map keyed by a list of such maps) gets that deep, and it must still fail cleanly.
    const keyedByList: ShapeMap = {
      Root: { type: "structure", members: { K: { shape: "KeyedByList" } } },
      KeyedByList: { type: "map", key: { shape: "KeyList" }, value: { shape: "S" } },
      KeyList: { type: "list", member: { shape: "KeyedByList" } },
      S: { type: "string" },
    };
    const levels = 20_000;
    const text = `<Root><K>${"<entry><key><member>".repeat(levels)}${"</member></key></entry>".repeat(levels)}</K></Root>`;
    const error = failure(() => decodeShape(parseXml(text, UNLIMITED), "Root", keyedByList));
    expect(error.code).toBe("too-deep");
    expect(error.message).not.toMatch(/Maximum call stack/);
  });
});
