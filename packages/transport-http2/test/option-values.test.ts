// Stream and timer options are checked when the transport is made: `maxConcurrentStreams: NaN`
// used to survive Math.max(1, NaN) as NaN, and negative timers fire at once.
import { describe, expect, it } from "vitest";
import { Http2Transport, type Http2TransportOptions } from "../src/index.js";

describe("Http2Transport options", () => {
  it.each<[keyof Http2TransportOptions, unknown]>([
    ["maxConcurrentStreams", Number.NaN],
    ["maxConcurrentStreams", 0],
    ["idleTimeoutMs", -1],
    ["pingTimeoutMs", Number.NaN],
    ["requestTimeoutMs", Number.POSITIVE_INFINITY],
  ])("%s = %o is a RangeError naming it", (name, value) => {
    expect(() => new Http2Transport({ [name]: value })).toThrow(new RegExp(`^${name} must be `));
  });

  it("null options are a TypeError naming them, not a failed property read", () => {
    expect(() => new Http2Transport(null as never)).toThrow(
      new TypeError("Http2Transport options must be an object (or omitted), got null"),
    );
  });
});
