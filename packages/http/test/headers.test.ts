import { describe, expect, it } from "vitest";
import { lowerCaseHeaders, lowerCaseRawHeaders } from "../src/index.js";

// Header names are the server's to choose: ones that collide with Object.prototype must stay
// plain data, never join with an inherited member or replace the record's prototype.
describe("response header records", () => {
  const entries: [string, string][] = [
    ["Constructor", "a"],
    ["__proto__", "polluted"],
    ["X-Repeated", "one"],
    ["x-repeated", "two"],
    ["toString", "b"],
  ];
  const expected = { constructor: "a", "x-repeated": "one, two", tostring: "b" };

  it("from entries", () => {
    const headers = lowerCaseHeaders(entries);
    expect({ ...headers }).toEqual(expected);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
  });

  it("from Node's flat rawHeaders", () => {
    const headers = lowerCaseRawHeaders(entries.flat());
    expect({ ...headers }).toEqual(expected);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
  });
});
