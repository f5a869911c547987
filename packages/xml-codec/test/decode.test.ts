import { describe, expect, it } from "vitest";
import { decodeShape, parseXml, type ShapeMap, XmlCodecError } from "../src/index.js";

const shapes: ShapeMap = {
  Out: {
    type: "structure",
    members: {
      Name: { shape: "String" },
      Renamed: { shape: "String", locationName: "Other" },
      Count: { shape: "Integer" },
      Big: { shape: "Long" },
      Ratio: { shape: "Double" },
      On: { shape: "Boolean" },
      When: { shape: "Timestamp" },
      Data: { shape: "Blob" },
      Tags: { shape: "TagList" },
      Flat: { shape: "StringList", flattened: true },
      Attrs: { shape: "StringMap" },
      Custom: { shape: "CustomMap" },
      FlatMap: { shape: "StringMap", flattened: true },
      Id: { shape: "String", xmlAttribute: true, locationName: "id" },
    },
  },
  String: { type: "string" },
  Integer: { type: "integer" },
  Long: { type: "long" },
  Double: { type: "double" },
  Boolean: { type: "boolean" },
  Timestamp: { type: "timestamp" },
  Blob: { type: "blob" },
  Tag: { type: "structure", members: { Key: { shape: "String" }, Value: { shape: "String" } } },
  TagList: { type: "list", member: { shape: "Tag" } },
  StringList: { type: "list", member: { shape: "String" } },
  StringMap: { type: "map", key: { shape: "String" }, value: { shape: "String" } },
  CustomMap: {
    type: "map",
    key: { shape: "String", locationName: "K" },
    value: { shape: "Integer", locationName: "V" },
  },
};

function decode(xml: string): Record<string, unknown> {
  return decodeShape(parseXml(xml), "Out", shapes) as Record<string, unknown>;
}

function failure(xml: string): XmlCodecError {
  try {
    decode(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlCodecError);
    return error as XmlCodecError;
  }
  throw new Error("expected decode to fail");
}

describe("decodeShape", () => {
  it("decodes scalars by their shape type", () => {
    const out = decode(
      `<Out id="x1"><Name> a </Name><Other>b</Other><Count>-42</Count><Big>9007199254740991</Big>
       <Ratio>1.5e3</Ratio><On>false</On><When>2019-11-09T13:34:41Z</When><Data>aGk=</Data></Out>`,
    );
    expect(out).toEqual({
      Name: " a ",
      Renamed: "b",
      Count: -42,
      Big: 9007199254740991,
      Ratio: 1500,
      On: false,
      When: new Date("2019-11-09T13:34:41Z"),
      Data: new Uint8Array([104, 105]),
      Id: "x1",
    });
  });

  it("leaves missing members absent", () => {
    expect(decode("<Out><Name>n</Name></Out>")).toEqual({ Name: "n" });
    expect(Object.hasOwn(decode("<Out/>"), "Count")).toBe(false);
  });

  it("decodes NaN and the infinities for floating-point shapes", () => {
    expect(decode("<Out><Ratio>NaN</Ratio></Out>").Ratio).toBeNaN();
    expect(decode("<Out><Ratio>-Infinity</Ratio></Out>").Ratio).toBe(Number.NEGATIVE_INFINITY);
  });

  it.each([
    ["2019-11-09T13:34:41.123Z", "2019-11-09T13:34:41.123Z"],
    ["2019-11-09T13:34:41.123456Z", "2019-11-09T13:34:41.123Z"],
    ["2019-11-09T14:34:41+01:00", "2019-11-09T13:34:41.000Z"],
    ["2019-11-09T12:34:41.5-01:00", "2019-11-09T13:34:41.500Z"],
    ["2019-11-09T08:04:41.25-05:30", "2019-11-09T13:34:41.250Z"],
    ["2019-11-09T14:34:41+0100", "2019-11-09T13:34:41.000Z"],
    ["2019-11-09T13:34:41.123456789z", "2019-11-09T13:34:41.123Z"],
    ["2020-02-29T00:00:00Z", "2020-02-29T00:00:00.000Z"],
    ["0050-01-01T00:00:00Z", "0050-01-01T00:00:00.000Z"],
    ["1573306481", "2019-11-09T13:34:41.000Z"],
    ["Sat, 09 Nov 2019 13:34:41 GMT", "2019-11-09T13:34:41.000Z"],
  ])("decodes the timestamp %s", (text, iso) => {
    expect((decode(`<Out><When>${text}</When></Out>`).When as Date).toISOString()).toBe(iso);
  });

  it("decodes wrapped and flattened lists", () => {
    const out = decode(
      `<Out><Tags><member><Key>a</Key><Value>1</Value></member><member><Key>b</Key></member></Tags>
       <Flat>x</Flat><Name>n</Name><Flat>y</Flat></Out>`,
    );
    expect(out.Tags).toEqual([{ Key: "a", Value: "1" }, { Key: "b" }]);
    expect(out.Flat).toEqual(["x", "y"]);
  });

  it("decodes an empty wrapped list as an empty array", () => {
    expect(decode("<Out><Tags/></Out>").Tags).toEqual([]);
  });

  it("decodes maps with default, custom and flattened entry names", () => {
    const out = decode(
      `<Out><Attrs><entry><key>a</key><value>1</value></entry></Attrs>
       <Custom><entry><K>n</K><V>7</V></entry></Custom>
       <FlatMap><key>f</key><value>g</value></FlatMap><FlatMap><key>h</key><value>i</value></FlatMap></Out>`,
    );
    expect(out.Attrs).toEqual({ a: "1" });
    expect(out.Custom).toEqual({ n: 7 });
    expect(out.FlatMap).toEqual({ f: "g", h: "i" });
  });

  it("keeps a map key named __proto__ as a plain own property", () => {
    const out = decode("<Out><Attrs><entry><key>__proto__</key><value>x</value></entry></Attrs></Out>");
    const attrs = out.Attrs as Record<string, unknown>;
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(attrs, "__proto__")?.value).toBe("x");
  });

  it.each([
    ["<Out><Count>12a</Count></Out>", "Out.Count", "an integer"],
    ["<Out><Count>1.5</Count></Out>", "Out.Count", "an integer"],
    ["<Out><Ratio>abc</Ratio></Out>", "Out.Ratio", "a number"],
    ["<Out><On>yes</On></Out>", "Out.On", '"true" or "false"'],
    ["<Out><When>2019-13-45</When></Out>", "Out.When", "ISO 8601"],
    ["<Out><When>2019-02-30T00:00:00Z</When></Out>", "Out.When", "ISO 8601"],
    ["<Out><When>2019-11-31T10:00:00Z</When></Out>", "Out.When", "ISO 8601"],
    ["<Out><When>2019-11-09T24:00:00Z</When></Out>", "Out.When", "ISO 8601"],
    ["<Out><When>2019-11-09T13:34:41</When></Out>", "Out.When", "ISO 8601"],
    ["<Out><Data>a*b=</Data></Out>", "Out.Data", "base64"],
    [
      "<Out><Tags><member><Key>a</Key></member><member><Value/></member></Tags><Count>x</Count></Out>",
      "Out.Count",
      "an integer",
    ],
    ["<Out><Custom><entry><K>n</K><V>q</V></entry></Custom></Out>", 'Out.Custom["n"]', "an integer"],
  ])("reports a malformed value in %s with its path", (xml, path, expected) => {
    const error = failure(xml);
    expect(error.code).toBe("invalid-value");
    expect(error.path).toBe(path);
    expect(error.message).toContain(expected);
  });

  it("names the path of a malformed list item", () => {
    const shapesWithInts: ShapeMap = { L: { type: "list", member: { shape: "I" } }, I: { type: "integer" } };
    const error = (() => {
      try {
        decodeShape(parseXml("<L><member>1</member><member>z</member></L>"), "L", shapesWithInts);
      } catch (e) {
        return e as XmlCodecError;
      }
    })();
    expect(error?.path).toBe("L[1]");
  });

  it("reports a shape the model does not define", () => {
    expect(() => decodeShape(parseXml("<a/>"), "Missing", shapes)).toThrow(XmlCodecError);
  });
});

describe("decodeShape with sensitive shapes", () => {
  it("keeps the text of a sensitive shape out of the error message", () => {
    const secretShapes: ShapeMap = {
      S: { type: "structure", members: { Pin: { shape: "Pin" } } },
      Pin: { type: "integer", sensitive: true },
    };
    try {
      decodeShape(parseXml("<S><Pin>hunter2</Pin></S>"), "S", secretShapes);
      expect.unreachable();
    } catch (error) {
      expect((error as XmlCodecError).message).not.toContain("hunter2");
      expect((error as XmlCodecError).path).toBe("S.Pin");
    }
  });
});
