import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentEncode } from "../src/index.js";

describe("percentEncode", () => {
  it("encodes per RFC 3986, including !'()* and spaces as %20, with upper-case hex", () => {
    expect(percentEncode("a b!'()*~-._/é")).toBe("a%20b%21%27%28%29%2A~-._%2F%C3%A9");
  });

  it("leaves exactly the unreserved characters alone, and decodes back to the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const encoded = percentEncode(text);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(text);
      }),
    );
  });

  it("throws URIError on an unpaired surrogate", () => {
    expect(() => percentEncode("\ud800")).toThrow(URIError);
  });
});
