// The limits are checked when the transport is made: an Infinity deadline (meant as "none") used
// to become a 1 ms timer, and a NaN body limit no limit at all.
import { describe, expect, it } from "vitest";
import { FetchTransport, type FetchTransportOptions } from "../src/index.js";

describe("FetchTransport options", () => {
  it.each<[keyof FetchTransportOptions, unknown]>([
    ["requestTimeoutMs", Number.POSITIVE_INFINITY],
    ["requestTimeoutMs", -1],
    ["maxBodyBytes", Number.NaN],
    ["maxBodyBytes", "1048576"],
  ])("%s = %o is a RangeError naming it", (name, value) => {
    expect(() => new FetchTransport({ [name]: value })).toThrow(new RegExp(`^${name} must be `));
  });

  it("null options are a TypeError naming them, not a failed property read", () => {
    expect(() => new FetchTransport(null as never)).toThrow(
      new TypeError("FetchTransport options must be an object (or omitted), got null"),
    );
  });
});
