// Pool and timeout options are checked when the transport is made: `maxSockets: -1` used to be
// handed to node:http's Agent, where every request then waited for a socket forever.
import { describe, expect, it } from "vitest";
import { NodeHttpTransport, type NodeHttpTransportOptions } from "../src/index.js";

describe("NodeHttpTransport options", () => {
  it.each<[keyof NodeHttpTransportOptions, unknown]>([
    ["maxSockets", -1],
    ["maxSockets", 0],
    ["maxSockets", Number.NaN],
    ["maxSockets", "50"],
    ["keepAliveTimeoutMs", -1],
    ["keepAliveTimeoutMs", Number.POSITIVE_INFINITY],
    ["requestTimeoutMs", Number.POSITIVE_INFINITY],
    ["connectTimeoutMs", Number.NaN],
  ])("%s = %o is a RangeError naming it", (name, value) => {
    expect(() => new NodeHttpTransport({ [name]: value, proxy: false })).toThrow(
      new RegExp(`^${name} must be `),
    );
  });

  it("null options are a TypeError naming them, not a failed property read", () => {
    expect(() => new NodeHttpTransport(null as never)).toThrow(
      new TypeError("NodeHttpTransport options must be an object (or omitted), got null"),
    );
  });

  it("accepts an unlimited pool", async () => {
    await new NodeHttpTransport({ maxSockets: Number.POSITIVE_INFINITY, proxy: false }).close();
  });
});
