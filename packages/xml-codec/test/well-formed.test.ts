import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseXml, XmlCodecError, type XmlElement } from "../src/index.js";

function malformedMessage(text: string): string {
  try {
    parseXml(text);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlCodecError);
    expect((error as XmlCodecError).code).toBe("malformed");
    return (error as XmlCodecError).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("well-formedness", () => {
  it.each([
    // Mismatched, unclosed and stray closing tags.
    ["a closing tag that does not match", "<a><b></a></b>", "closing tag </a> does not match <b>"],
    ["a prefixed closing tag that does not match", '<p:a xmlns:p="u"></a>', "</a> does not match <p:a>"],
    ["closing tags differing in case", "<Root></root>", "closing tag </root> does not match <Root>"],
    ["an unclosed element", "<a><b></b>", "element <a> is not closed"],
    ["a closing tag after a self-closing root", "<a/></a>", "closing tag </a> has no start tag"],
    ["a closing tag before any element", "</a>", "closing tag </a> has no start tag"],
    ["a closing tag with an attribute", '<a></a x="1">', 'closing tag </a> is not closed by ">"'],
    // Invalid element and attribute names.
    ["an element name starting with a digit", "<1a/>", "invalid element name"],
    ["whitespace after <", "< a/>", "invalid element name"],
    ["a name with two colons", '<a:b:c xmlns:a="u"/>', "invalid element name"],
    ["a name ending in a colon", "<a:/>", "invalid element name"],
    ["an attribute name starting with a hyphen", '<a -x="1"/>', "invalid attribute name"],
    // Attributes without a quoted value, repeated or run together.
    ["an attribute without a value", "<a x/>", "attribute x of <a> has no value"],
    ["an unquoted attribute value", "<a x=1/>", "attribute x of <a> has no quoted value"],
    ["an unterminated attribute value", '<a x="1/>', "attribute x of <a> has an unterminated value"],
    ["mismatched attribute quotes", `<a x='1"/>`, "attribute x of <a> has an unterminated value"],
    ["a repeated attribute", '<a x="1" x="2"/>', "attribute x of <a> is repeated"],
    ["attributes without whitespace between them", '<a x="1"y="2"/>', "not separated by whitespace"],
    ['"/" before whitespace in a start tag', "<a/ >", "unexpected character in start tag <a>"],
    // "<", "&" and markup in the wrong place.
    ['"<" in text', "<a>1 < 2</a>", "invalid element name"],
    ['"<" in an attribute value', '<a x="<"/>', 'attribute x of <a> has "<" in its value'],
    ['a bare "&" in text', "<a>fish & chips</a>", '"&" not followed by an entity or character reference'],
    ['a bare "&" in an attribute value', '<a x="a&b"/>', '"&" not followed by an entity'],
    ['"]]>" in text', "<a>]]></a>", '"]]>" in character data'],
    [
      "a markup declaration inside an element",
      "<a><!ELEMENT a ANY></a>",
      "markup declaration inside an element",
    ],
    ["CDATA before the root element", "<![CDATA[x]]><a/>", "CDATA before the root element"],
    ["an XML declaration after the start", ' <?xml version="1.0"?><a/>', "XML declaration is only allowed"],
    ["an XML declaration without a version", "<?xml?><a/>", "invalid XML declaration"],
    ["a control character", "<a>\u0001</a>", "character U+0001 is not allowed in XML"],
    // Anything but whitespace, comments and processing instructions around the root element.
    ["text after a self-closing root", "<a/>text", "text after the root element"],
    ["text after the root element", "<a>x</a>y", "text after the root element"],
    ["text before the root element", "hello<a/>", "text before the root element"],
    ["a second root element", "<a/><b/>", "a second root element"],
    ["CDATA after the root element", "<a/><![CDATA[x]]>", "CDATA after the root element"],
    ["an empty document", "", "no root element"],
    ["only a comment", "<!-- c -->", "no root element"],
    // Unterminated comments, CDATA, processing instructions and tags.
    ["an unterminated comment", "<a><!-- c </a>", "unterminated comment"],
    ['"--" inside a comment', "<a><!-- a -- b --></a>", '"--" inside a comment'],
    ["an unterminated CDATA section", "<a><![CDATA[x</a>", "unterminated CDATA section"],
    ["an unterminated processing instruction", "<a><?pi x</a>", "unterminated processing instruction"],
    ["an unterminated start tag", '<a x="1"', "unterminated start tag <a>"],
    // Namespace prefixes, which the DOMParser backend checks too.
    ["an undeclared element prefix", "<p:a/>", "namespace prefix of p:a is not declared"],
    ["an undeclared attribute prefix", '<a p:x="1"/>', "namespace prefix of p:x is not declared"],
    [
      "a prefix used outside its declaration",
      '<a><b xmlns:p="u"/><p:c/></a>',
      "prefix of p:c is not declared",
    ],
    ["a prefix declared empty", '<a xmlns:p=""/>', "invalid namespace declaration xmlns:p"],
  ])("rejects %s", (_, text, message) => {
    expect(malformedMessage(text)).toContain(message);
  });

  it("reports the line and column of the problem", () => {
    expect(malformedMessage("<a>\n  <b></c>\n</a>")).toBe(
      "Malformed XML: closing tag </c> does not match <b> (line 2, column 6)",
    );
  });

  it("never puts text or attribute values into the message", () => {
    const messages = [
      "<r><SecretAccessKey>wJalrXUtnFEMI</Secret></r>",
      '<r token="eyJSECRET" token="x"/>',
      "<r>eyJSECRET & more</r>",
      "<r/>wJalrXUtnFEMI",
    ].map(malformedMessage);
    for (const message of messages) expect(message).not.toMatch(/wJalr|eyJSECRET/);
  });

  it.each([
    ["an XML declaration", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a/>'],
    ["an XML declaration in single quotes", "<?xml version='1.0' encoding='utf-8'?><a/>"],
    ["a byte order mark", '\ufeff<?xml version="1.0"?><a/>'],
    ["comments and processing instructions around the root", "<!-- c --><?pi x?>\n<a/>\n<!---->\n<?pi?>"],
    ["a processing instruction named like xml-stylesheet", '<?xml-stylesheet href="s.xsl"?><a/>'],
    ["whitespace around the root", " \n\t<a/>\r\n "],
    ["whitespace inside tags", "<a\n  x = \"1\"\n  y='2'\n></a\n>"],
    ["a character-reference-only text", "<a>&#x1F600;&#65;</a>"],
    ['">" and "]]" in text', "<a>a > b ]] c</a>"],
    ["astral and non-ASCII names", "<𐀀é a·b='1'/>"],
    ["a prefix declared after its use on the same tag", '<p:a p:x="1" xmlns:p="urn:p"/>'],
    ["the predeclared xml prefix", '<a xml:lang="en"/>'],
  ])("accepts %s", (_, text) => {
    expect(() => parseXml(text)).not.toThrow();
  });

  it("keeps attribute values with the other quote, references and >", () => {
    const root = parseXml(`<a x="it's &gt; &amp;" y='say "hi"' z="a>b"/>`);
    expect(root.attributes).toEqual({ x: "it's > &", y: 'say "hi"', z: "a>b" });
  });

  it("stays linear on a tag with thousands of attributes and prefixes", () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ` a${i}="" xmlns:p${i}="u"`).join("");
    const uses = Array.from({ length: 40_000 }, (_, i) => `<p${i}:b/>`).join("");
    const started = performance.now();
    const options = { maxBytes: 10_000_000 };
    expect(() => parseXml(`<r${many} a0=""/>`, options)).toThrow("attribute a0 of <r> is repeated");
    expect(() => parseXml(`<r${many}>${uses}<q:b/></r>`, options)).toThrow("prefix of q:b is not declared");
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

interface Generated {
  name: string;
  prefixed: boolean;
  attributes: Array<{ name: string; value: string; quote: '"' | "'" }>;
  children: Generated[];
  /** One more than there are children: what goes before each child and before the end tag. */
  parts: Part[];
  selfClosing: boolean;
  space: string;
}

interface Part {
  kind: "text" | "cdata" | "comment" | "pi";
  value: string;
}

interface GeneratedDocument {
  root: Generated;
  declaration: boolean;
  before: string;
  after: string;
}

// Names starting with "xml" are left out: XML 1.0 §2.3 reserves them (xmlns among them).
const NAME = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,7}$/),
    fc.constantFrom("é", "Größe", "名前", "a·b", "__proto__", "constructor", "toString"),
  )
  .filter((name) => !/^xml/i.test(name));
const CHAR = fc.constantFrom(..."aZ0 \n\t<>&'\"]-?é😀");
const TEXT = fc.array(CHAR, { maxLength: 8 }).map((chars) => chars.join(""));
// Tabs and line breaks in attribute values are normalized to spaces by XML parsers (§3.3.3).
const ATTRIBUTE_VALUE = TEXT.map((value) => value.replace(/[\t\n]/g, " "));
const PART: fc.Arbitrary<Part> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("text" as const), value: TEXT }), weight: 4 },
  fc.record({ kind: fc.constant("cdata" as const), value: TEXT.filter((value) => !value.includes("]]>")) }),
  fc.record({ kind: fc.constant("comment" as const), value: fc.constantFrom("", " c ", "a-b", " <x/> & ") }),
  fc.record({ kind: fc.constant("pi" as const), value: fc.constantFrom("pi", "pi data", 'x-y a="1" ?') }),
);

const { element: ELEMENT } = fc.letrec<{ element: Generated }>((tie) => ({
  element: fc.record({
    name: NAME,
    prefixed: fc.boolean(),
    attributes: fc.uniqueArray(
      fc.record({ name: NAME, value: ATTRIBUTE_VALUE, quote: fc.constantFrom('"' as const, "'" as const) }),
      { selector: (attribute) => attribute.name, maxLength: 3 },
    ),
    children: fc.oneof(
      { maxDepth: 4, depthIdentifier: "element" },
      { arbitrary: fc.constant<Generated[]>([]), weight: 1 },
      {
        arbitrary: fc.array(tie("element"), { minLength: 1, maxLength: 3, depthIdentifier: "element" }),
        weight: 2,
      },
    ),
    parts: fc.array(PART, { minLength: 4, maxLength: 4 }),
    selfClosing: fc.boolean(),
    space: fc.constantFrom("", " ", "\n  "),
  }),
}));

const DOCUMENT: fc.Arbitrary<GeneratedDocument> = fc.record({
  root: ELEMENT,
  declaration: fc.boolean(),
  before: fc.constantFrom("", "\n", "<!-- generated -->\n", "<?pi?> "),
  after: fc.constantFrom("", "\n", " <!-- end -->", "<?pi x?>\n"),
});

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&#60;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string, quote: string): string {
  const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return quote === '"' ? escaped.replace(/"/g, "&quot;") : escaped.replace(/'/g, "&#x27;");
}

interface EndTag {
  start: number;
  end: number;
  name: string;
}

/** The document's text, and where each end tag is in it for the mutation property. */
function render(document: GeneratedDocument): { text: string; endTags: EndTag[] } {
  const endTags: EndTag[] = [];
  let text = (document.declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : "") + document.before;
  const visit = (element: Generated, isRoot: boolean) => {
    const name = element.prefixed ? `p:${element.name}` : element.name;
    const declarations = isRoot ? ' xmlns="urn:default" xmlns:p="urn:p"' : "";
    const attributes = element.attributes
      .map(
        ({ name, value, quote }) =>
          `${element.space || " "}${name}=${quote}${escapeAttribute(value, quote)}${quote}`,
      )
      .join("");
    const parts = element.parts.slice(0, element.children.length + 1);
    const empty =
      element.children.length === 0 && parts.every((part) => part.kind !== "text" && part.kind !== "cdata");
    if (empty && element.selfClosing) {
      text += `<${name}${declarations}${attributes}${element.space}/>`;
      return;
    }
    text += `<${name}${declarations}${attributes}${element.space}>`;
    parts.forEach((part, index) => {
      if (part.kind === "text") text += escapeText(part.value);
      else if (part.kind === "cdata") text += `<![CDATA[${part.value}]]>`;
      else if (part.kind === "comment") text += `<!--${part.value}-->`;
      else text += `<?${part.value}?>`;
      const child = element.children[index];
      if (child !== undefined) visit(child, false);
    });
    endTags.push({ start: text.length, end: text.length + name.length + 3, name });
    text += `</${name}>`;
  };
  visit(document.root, true);
  return { text: text + document.after, endTags };
}

function replaceEndTags(text: string, changes: Array<[EndTag, string]>): string {
  let out = "";
  let at = 0;
  for (const [tag, replacement] of [...changes].sort(([a], [b]) => a.start - b.start)) {
    out += text.slice(at, tag.start) + replacement;
    at = tag.end;
  }
  return out + text.slice(at);
}

function expected(element: Generated): XmlElement {
  const parts = element.parts.slice(0, element.children.length + 1);
  return {
    name: element.name,
    attributes: Object.fromEntries(element.attributes.map(({ name, value }) => [name, value])),
    children: element.children.map(expected),
    text: parts.map((part) => (part.kind === "text" || part.kind === "cdata" ? part.value : "")).join(""),
  };
}

describe("well-formedness of generated documents", () => {
  it("accepts every document written from an element tree and parses it back to that tree", () => {
    fc.assert(
      fc.property(DOCUMENT, (document) => {
        expect(parseXml(render(document).text)).toEqual(expected(document.root));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a document with one end tag deleted, renamed or swapped with another's", () => {
    const mutation = fc.record({
      document: DOCUMENT,
      kind: fc.constantFrom("delete", "rename", "swap"),
      pick: fc.nat(),
      other: fc.nat(),
    });
    fc.assert(
      fc.property(mutation, ({ document, kind, pick, other }) => {
        const { text, endTags } = render(document);
        fc.pre(endTags.length > 0);
        const tag = endTags[pick % endTags.length]!;
        const others = endTags.filter((candidate) => candidate.name !== tag.name);
        const swapWith = others.length > 0 ? others[other % others.length] : undefined;
        const changes: Array<[EndTag, string]> =
          kind === "delete"
            ? [[tag, ""]]
            : kind === "swap" && swapWith !== undefined
              ? [
                  [tag, `</${swapWith.name}>`],
                  [swapWith, `</${tag.name}>`],
                ]
              : [[tag, `</${tag.name}x>`]];
        const mutated = replaceEndTags(text, changes);
        expect(malformedMessage(mutated)).toMatch(/closing tag|is not closed/);
      }),
      { numRuns: 300 },
    );
  });
});
