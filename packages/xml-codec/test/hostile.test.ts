import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeShape, type ParseXmlOptions, parseXml, type ShapeMap, XmlCodecError } from "../src/index.js";

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/s</Arn><AssumedRoleId>ARO:s</AssumedRoleId></AssumedRoleUser>
    <Credentials><AccessKeyId>ASIA</AccessKeyId><Expiration>2019-11-09T13:34:41Z</Expiration></Credentials>
    <PackedPolicySize>6</PackedPolicySize><![CDATA[x]]><!-- note -->
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

const shapes: ShapeMap = {
  Any: {
    type: "structure",
    members: {
      AssumeRoleResult: { shape: "Any" },
      Credentials: { shape: "Any" },
      Expiration: { shape: "T" },
      PackedPolicySize: { shape: "I" },
      List: { shape: "L", locationName: "AssumedRoleUser" },
      Map: { shape: "M", locationName: "ResponseMetadata" },
    },
  },
  T: { type: "timestamp" },
  I: { type: "integer" },
  L: { type: "list", member: { shape: "B" } },
  B: { type: "blob" },
  M: { type: "map", key: { shape: "S" }, value: { shape: "F" } },
  S: { type: "string" },
  F: { type: "float" },
};

/** Parses and decodes; anything thrown must be the codec's own error. */
function parseAndDecode(text: string): void {
  parseAndDecodeWithin(text, undefined);
}

function parseAndDecodeWithin(text: string, limits: ParseXmlOptions | undefined): void {
  try {
    decodeShape(parseXml(text, limits), "Any", shapes);
  } catch (error) {
    if (!(error instanceof XmlCodecError)) throw error;
  }
}

const xmlish = fc
  .array(
    fc.constantFrom(
      "<",
      ">",
      "/",
      "&",
      ";",
      "#",
      "x",
      "a",
      "=",
      '"',
      "'",
      "<![CDATA[",
      "]]>",
      "<!--",
      "-->",
      "<?",
      "?>",
      "&amp;",
      "&#x",
      ":",
      " ",
      "\n",
      "__proto__",
      "constructor",
      "<!DOCTYPE",
      "\u0000",
      "\uD800",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const mutated = fc
  .tuple(fc.nat(SAMPLE.length), fc.nat(40), fc.string({ maxLength: 8, unit: "binary" }))
  .map(([at, cut, insert]) => SAMPLE.slice(0, at) + insert + SAMPLE.slice(at + cut));

// A chain of `depth` AssumeRoleResult elements (a member through which "Any" recurses, so decode
// follows it down), `width` copies of one leaf at the bottom, and maybe cut short (malformed).
const deepOrWide = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1_000, max: 40_000 })),
    width: fc.oneof(fc.nat(5), fc.integer({ min: 1_000, max: 20_000 })),
    leaf: fc.constantFrom(
      "<PackedPolicySize>6</PackedPolicySize>",
      "<PackedPolicySize>six</PackedPolicySize>",
      "<AssumedRoleUser><member>aGk=</member><member>!</member></AssumedRoleUser>",
      "<ResponseMetadata><entry><key>__proto__</key><value>1.5</value></entry></ResponseMetadata>",
      '<Credentials a="1" b="&amp;"><Expiration>2019-11-09T13:34:41Z</Expiration></Credentials>',
      "<![CDATA[x]]><!-- c -->text",
    ),
    cut: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
  })
  .map(({ depth, width, leaf, cut }) => {
    const text = `<R>${"<AssumeRoleResult>".repeat(depth)}${leaf.repeat(width)}${"</AssumeRoleResult>".repeat(depth)}</R>`;
    return cut === null ? text : text.slice(0, cut % text.length);
  });

const anyLimits = fc.record(
  {
    maxDepth: fc.oneof(
      { arbitrary: fc.constant(Number.POSITIVE_INFINITY), weight: 2 },
      { arbitrary: fc.integer({ min: 1_000, max: 10_000_000 }), weight: 2 },
      { arbitrary: fc.nat(20), weight: 1 },
    ),
    maxBytes: fc.oneof(
      { arbitrary: fc.constant(Number.POSITIVE_INFINITY), weight: 2 },
      { arbitrary: fc.integer({ min: 0, max: 100_000_000 }), weight: 1 },
    ),
  },
  { requiredKeys: [] },
);

describe("hostile and random input", () => {
  it("the sample document itself parses and decodes", () => {
    expect(() => decodeShape(parseXml(SAMPLE), "Any", shapes)).not.toThrow();
  });

  it("random strings throw nothing but XmlCodecError", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), parseAndDecode), { numRuns: 300 });
  });

  it("XML-like token soup throws nothing but XmlCodecError", () => {
    fc.assert(fc.property(xmlish, parseAndDecode), { numRuns: 500 });
  });

  it("mutations of a real response throw nothing but XmlCodecError", () => {
    fc.assert(fc.property(mutated, parseAndDecode), { numRuns: 500 });
  });

  it("deep and wide documents under any limits give a value or an XmlCodecError, nothing else", () => {
    fc.assert(fc.property(deepOrWide, anyLimits, parseAndDecodeWithin), { numRuns: 40 });
  }, 120_000);
});
