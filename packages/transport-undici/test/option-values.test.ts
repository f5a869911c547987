// Pool and timeout options are checked when the transport is made, not passed on to undici, whose
// own message ("invalid headersTimeout") names neither the option nor what it takes.
import { describe, expect, it } from "vitest";
import { UndiciTransport, type UndiciTransportOptions } from "../src/index.js";

describe("UndiciTransport options", () => {
  it.each<[keyof UndiciTransportOptions, unknown]>([
    ["requestTimeoutMs", Number.NaN],
    ["requestTimeoutMs", "100"],
    ["connections", 0],
    ["connections", -1],
    ["keepAliveTimeoutMs", -1],
    ["maxBodyBytes", Number.NaN],
  ])("%s = %o is a RangeError naming it", (name, value) => {
    expect(() => new UndiciTransport({ [name]: value })).toThrow(new RegExp(`^${name} must be `));
  });

  it("null options are a TypeError naming them, not a failed property read", () => {
    expect(() => new UndiciTransport(null as never)).toThrow(
      new TypeError("UndiciTransport options must be an object (or omitted), got null"),
    );
  });
});
