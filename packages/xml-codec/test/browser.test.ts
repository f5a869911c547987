import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseXml } from "../src/index.browser.js";
import { XmlCodecError } from "../src/index.js";
import { bundle } from "./bundle.js";
import { levelsOfNesting } from "./deep-documents.js";

const XHTML = "http://www.w3.org/1999/xhtml";

interface FakeNode {
  nodeType: number;
  nodeValue: string | null;
  localName: string;
  namespaceURI: string | null;
  textContent: string;
  attributes: Array<{ name: string; localName: string; prefix: string | null; value: string }>;
  firstChild: FakeNode | null;
  nextSibling: FakeNode | null;
}

// A stand-in for the platform DOM with just the members the backend reads, so the
// conversion rules run under Node; the real DOMParser is exercised in a browser.
function el(name: string, attrs: Record<string, string>, ...children: Array<FakeNode | string>): FakeNode {
  const [prefix, local] = name.includes(":") ? name.split(":") : [null, name];
  const nodes = children.map((c) =>
    typeof c === "string"
      ? ({ nodeType: c.startsWith("CDATA:") ? 4 : 3, nodeValue: c.replace(/^CDATA:/, "") } as FakeNode)
      : c,
  );
  nodes.forEach((n, i) => {
    n.nextSibling = nodes[i + 1] ?? null;
  });
  return {
    nodeType: 1,
    nodeValue: null,
    localName: local ?? name,
    namespaceURI: prefix === null ? null : `urn:${prefix}`,
    textContent: nodes.map((n) => n.nodeValue ?? n.textContent).join(""),
    attributes: Object.entries(attrs).map(([k, value]) => {
      const [p, l] = k.includes(":") ? k.split(":") : [null, k];
      return { name: k, localName: l ?? k, prefix: p ?? null, value };
    }),
    firstChild: nodes[0] ?? null,
    nextSibling: null,
  };
}

function stubDom(root: FakeNode, errors: FakeNode[] = []): void {
  vi.stubGlobal(
    "DOMParser",
    class {
      parseFromString() {
        return { documentElement: root, getElementsByTagName: () => errors };
      }
    },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("DOMParser backend", () => {
  it("builds the same element tree shape as the default backend", () => {
    stubDom(
      el(
        "a:Root",
        { xmlns: "urn:d", "xmlns:a": "urn:a", id: "7" },
        " ",
        el("b", {}, "x", "CDATA:<y>"),
        el("c", {}),
      ),
    );
    expect(parseXml("<a:Root/>")).toEqual({
      name: "Root",
      attributes: { id: "7" },
      children: [
        { name: "b", attributes: {}, children: [], text: "x<y>" },
        { name: "c", attributes: {}, children: [], text: "" },
      ],
      text: " ",
    });
  });

  it("keeps an attribute named like an Object.prototype member as an own attribute, as the default backend", () => {
    stubDom(el("constructor", JSON.parse('{"__proto__": "x", "toString": "y"}')));
    const root = parseXml("<constructor/>");
    expect(Object.getPrototypeOf(root.attributes)).toBe(Object.prototype);
    expect(Object.entries(root.attributes)).toEqual([
      ["__proto__", "x"],
      ["toString", "y"],
    ]);
  });

  it("turns the platform's parsererror element into a malformed error", () => {
    const error = el("parsererror", {}, "error on line 1");
    error.namespaceURI = XHTML;
    stubDom(el("r", {}), [error]);
    expect(() => parseXml("<r>")).toThrow(XmlCodecError);
  });

  it("keeps Gecko's page URL and source line out of a malformed error", () => {
    const error = el(
      "parsererror",
      {},
      "XML Parsing Error: no root element found\nLocation: https://app.example/#id_token=eyJSECRET\nLine Number 1, Column 60:",
      el("sourcetext", {}, "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG"),
    );
    error.namespaceURI = "http://www.mozilla.org/newlayout/xml/parsererror.xml";
    stubDom(el("r", {}), [error]);
    expect(() => parseXml("<r>")).toThrow("Malformed XML: XML Parsing Error: no root element found");
    expect(() => parseXml("<r>")).not.toThrow(/eyJSECRET|wJalr|Location/);
  });

  it("ignores a document's own parsererror element in another namespace", () => {
    const own = el("parsererror", {}, "data");
    stubDom(el("r", {}, own), [own]);
    expect(parseXml("<r/>").children[0]?.name).toBe("parsererror");
  });

  it("refuses DOCTYPE before the platform parser sees it", () => {
    const parse = vi.fn();
    vi.stubGlobal(
      "DOMParser",
      class {
        parseFromString = parse;
      },
    );
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>')).toThrow(/DOCTYPE/);
    expect(parse).not.toHaveBeenCalled();
  });

  it("enforces maxDepth and maxBytes", () => {
    stubDom(el("a", {}, el("b", {}, el("c", {}))));
    expect(() => parseXml("<a/>", { maxDepth: 2 })).toThrow(/maxDepth/);
    expect(() => parseXml("<a>xxxxxxxx</a>", { maxBytes: 8 })).toThrow(/maxBytes/);
  });
});

describe("DOMParser backend under raised limits", () => {
  /** A chain of `levels` fake elements, each the only child of the one before, built without recursion. */
  function chain(levels: number): FakeNode {
    const root = el("a", {});
    let bottom = root;
    for (let i = 1; i < levels; i++) {
      const child = el("a", {});
      bottom.firstChild = child;
      bottom = child;
    }
    return root;
  }

  it.each([100_000, 1_000_000])("converts %i levels of nesting with maxDepth Infinity", (levels) => {
    stubDom(chain(levels));
    expect(levelsOfNesting(parseXml("<a/>", { maxDepth: Number.POSITIVE_INFINITY }))).toBe(levels);
  });

  it.each([
    ["V8's and WebKit's stack overflow", new RangeError("Maximum call stack size exceeded"), "too-deep"],
    [
      "Gecko's stack overflow",
      Object.assign(new Error("too much recursion"), { name: "InternalError" }),
      "too-deep",
    ],
    ["a string too long for the runtime", new RangeError("Invalid string length"), "too-large"],
  ])("turns %s in the platform parser into the codec's error", (_, thrown, code) => {
    vi.stubGlobal(
      "DOMParser",
      class {
        parseFromString(): never {
          throw thrown;
        }
      },
    );
    const error = (() => {
      try {
        parseXml("<a/>", { maxDepth: Number.POSITIVE_INFINITY });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(XmlCodecError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).not.toContain(thrown.message);
  });
});

describe("browser bundle", () => {
  it("holds the DOMParser backend only, not the codec's own reader, and stays small", async () => {
    const { code, inputs } = await bundle("index.browser.ts", { platform: "browser" });
    expect(inputs.some((input) => input.endsWith("parse-browser.ts"))).toBe(true);
    expect(inputs.filter((input) => /reader\.ts|node_modules/.test(input))).toEqual([]);
    expect(gzipSync(code).length).toBeLessThan(4 * 1024);
  });
});
