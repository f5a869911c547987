import { describe, expect, it } from "vitest";
import { parseXml, XmlCodecError } from "../src/index.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(XmlCodecError);
    return (error as XmlCodecError).code;
  }
  return undefined;
}

describe("parseXml", () => {
  it("returns the root element with local names, attributes, children and text", () => {
    const root = parseXml('<?xml version="1.0"?><a:Root xmlns:a="urn:a" id="1"><b>x</b><c/></a:Root>');
    expect(root.name).toBe("Root");
    expect(root.attributes).toEqual({ id: "1" });
    expect(root.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(root.children[0]?.text).toBe("x");
    expect(root.children[1]).toEqual({ name: "c", attributes: {}, children: [], text: "" });
  });

  it("keeps text as strings with leading zeros and whitespace preserved", () => {
    const root = parseXml("<r><n>007</n><b>true</b><s>  padded \n</s><e>1e3</e></r>");
    expect(root.children.map((c) => c.text)).toEqual(["007", "true", "  padded \n", "1e3"]);
  });

  it("decodes the five predefined entities and numeric character references", () => {
    const root = parseXml('<r a="&quot;&amp;&#x41;">&lt;&gt;&amp;&apos;&quot;&#65;&#x1F600;</r>');
    expect(root.text).toBe("<>&'\"A😀");
    expect(root.attributes.a).toBe('"&A');
  });

  it("keeps CDATA content verbatim, without entity decoding", () => {
    expect(parseXml("<r><![CDATA[<x>&amp;]]>tail</r>").text).toBe("<x>&amp;tail");
  });

  it("keeps names that Object.prototype also has as ordinary names and own attributes", () => {
    const root = parseXml('<constructor __proto__="x" toString="y"><hasOwnProperty/></constructor>');
    expect(root.name).toBe("constructor");
    expect(Object.getPrototypeOf(root.attributes)).toBe(Object.prototype);
    expect(Object.entries(root.attributes)).toEqual([
      ["__proto__", "x"],
      ["toString", "y"],
    ]);
    expect(root.children[0]?.name).toBe("hasOwnProperty");
  });

  it("normalizes line ends in text, CDATA and attribute values, but not those written as references", () => {
    const root = parseXml('<r a="1\r\n2\r3&#13;">x\r\ny<![CDATA[\r\n]]>&#13;</r>');
    expect(root.attributes.a).toBe("1\n2\n3\r");
    expect(root.text).toBe("x\ny\n\r");
  });

  it("reports a malformed document as malformed even after an element too deep or an unknown entity", () => {
    expect(codeOf(() => parseXml("<a><b>&nbsp;</b>", { maxDepth: 1 }))).toBe("malformed");
    expect(codeOf(() => parseXml("<a><b>&nbsp;</b></a>", { maxDepth: 1 }))).toBe("too-deep");
    expect(codeOf(() => parseXml("<a>&nbsp;<b/></a>", { maxDepth: 1 }))).toBe("entity");
    expect(() => parseXml('<a x="&one;" y="&two;">&three;</a>')).toThrow('"&one;"');
  });

  it("strips namespace prefixes from element names", () => {
    const root = parseXml(
      '<s:Envelope xmlns:s="urn:s"><s:Body><x:Item xmlns:x="urn:x"/></s:Body></s:Envelope>',
    );
    expect(root.children[0]?.children[0]?.name).toBe("Item");
  });

  it("rejects an undefined entity reference", () => {
    expect(codeOf(() => parseXml("<r>&nbsp;</r>"))).toBe("entity");
    expect(codeOf(() => parseXml("<r>a & b</r>"))).not.toBeUndefined();
  });

  it("rejects a character reference to a non-XML character", () => {
    expect(codeOf(() => parseXml("<r>&#0;</r>"))).toBe("entity");
    expect(codeOf(() => parseXml("<r>&#xD800;</r>"))).toBe("entity");
  });

  it("rejects a billion-laughs document quickly without expanding it", () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`),
      "]><lolz>&lol9;</lolz>",
    ].join("\n");
    const started = performance.now();
    expect(codeOf(() => parseXml(lol))).toBe("doctype");
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("rejects an external entity declaration", () => {
    const xxe = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(codeOf(() => parseXml(xxe))).toBe("doctype");
  });

  it("rejects a document larger than maxBytes", () => {
    expect(codeOf(() => parseXml(`<r>${"a".repeat(100)}</r>`, { maxBytes: 50 }))).toBe("too-large");
  });

  it("counts maxBytes in UTF-8 bytes", () => {
    const text = `<r>${"é".repeat(20)}</r>`; // 27 code units, 47 bytes
    expect(codeOf(() => parseXml(text, { maxBytes: 40 }))).toBe("too-large");
    expect(parseXml(text, { maxBytes: 47 }).text).toBe("é".repeat(20));
  });

  it("rejects elements nested deeper than maxDepth", () => {
    const deep = (n: number) => `${"<a>".repeat(n)}${"</a>".repeat(n)}`;
    expect(parseXml(deep(64)).name).toBe("a");
    expect(codeOf(() => parseXml(deep(65)))).toBe("too-deep");
    expect(codeOf(() => parseXml(deep(5), { maxDepth: 4 }))).toBe("too-deep");
    expect(codeOf(() => parseXml(deep(100_000), { maxBytes: 10_000_000 }))).toBe("too-deep");
  });

  it.each([
    ["mismatched tags", "<a><b></a>"],
    ["an unclosed root", "<a><b>"],
    ["two roots", "<a/><b/>"],
    ["text only", "hello"],
    ["an empty string", ""],
    ["a stray closing tag", "</a>"],
    ["duplicate attributes", '<a x="1" x="2"/>'],
  ])("rejects %s as malformed", (_, text) => {
    expect(codeOf(() => parseXml(text))).toBe("malformed");
  });

  it("rejects a non-string input with the codec's error", () => {
    expect(codeOf(() => parseXml(42 as unknown as string))).toBe("malformed");
  });
});
