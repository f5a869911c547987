import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  bytesToBase64,
  decodeScalar,
  formatScalar,
  type Shape,
  XmlCodecError,
} from "../src/index.js";

const shape = (type: Shape["type"], extra: Partial<Shape> = {}) => ({ type, ...extra }) as Shape;

describe("formatScalar and decodeScalar", () => {
  it("round-trip integers, floats, booleans, blobs and timestamps", () => {
    const cases: Array<[Shape, fc.Arbitrary<unknown>]> = [
      [shape("integer"), fc.integer()],
      // -0 is sent as "0", as botocore does.
      [shape("double"), fc.double().filter((value) => !Object.is(value, -0))],
      [shape("boolean"), fc.boolean()],
      [shape("blob"), fc.uint8Array({ maxLength: 40 })],
      [shape("timestamp"), fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })],
    ];
    for (const [s, arbitrary] of cases) {
      fc.assert(
        fc.property(arbitrary, (value) => {
          expect(decodeScalar(formatScalar(value, s, "v"), s, "v")).toEqual(value);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("formats timestamps in the model's timestampFormat", () => {
    const date = new Date(Date.UTC(2019, 10, 9, 13, 34, 41));
    expect(formatScalar(date, shape("timestamp"), "t")).toBe("2019-11-09T13:34:41Z");
    expect(formatScalar(1573306481.5, shape("timestamp"), "t")).toBe("2019-11-09T13:34:41.500Z");
    expect(formatScalar(date, shape("timestamp", { timestampFormat: "unixTimestamp" }), "t")).toBe(
      "1573306481",
    );
    expect(formatScalar(date, shape("timestamp", { timestampFormat: "rfc822" }), "t")).toBe(
      "Sat, 09 Nov 2019 13:34:41 GMT",
    );
  });

  it.each([
    ["integer", 1.5],
    ["integer", "3"],
    ["float", "1.5"],
    ["boolean", "true"],
    ["timestamp", "not a date"],
    ["timestamp", true],
    ["blob", 42],
    ["string", 42],
  ] as const)("rejects a %s given %j with its path", (type, value) => {
    const error = (() => {
      try {
        formatScalar(value, shape(type), "A.B");
      } catch (e) {
        return e as XmlCodecError;
      }
    })();
    expect(error).toBeInstanceOf(XmlCodecError);
    expect(error?.code).toBe("invalid-value");
    expect(error?.path).toBe("A.B");
  });

  it("rejects base64 without padding or with characters outside the alphabet", () => {
    for (const text of ["YQ", "YQ=a", "a*b=", "Y==="]) {
      expect(() => decodeScalar(text, shape("blob"), "b")).toThrow(/base64/);
    }
    expect(bytesToBase64(base64ToBytes("YWJjZA=="))).toBe("YWJjZA==");
  });
});
