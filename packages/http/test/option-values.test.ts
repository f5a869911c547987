// A transport's limits are checked when it is made. Node's timers hold at most 2^31 - 1 ms and
// run a NaN or negative delay at once, so an unchecked `requestTimeoutMs: Infinity` (meant as "no
// deadline") failed every request after 1 ms, and `maxBodyBytes: NaN` silently lifted the limit.
import { describe, expect, it } from "vitest";
import {
  checkOptions,
  checkTlsCa,
  MAX_TIMER_MS,
  resolveTimeouts,
  TlsError,
  type TransportTimeouts,
} from "../src/index.js";

describe("resolveTimeouts", () => {
  it.each<[keyof TransportTimeouts, unknown]>([
    ["requestTimeoutMs", Number.POSITIVE_INFINITY],
    ["requestTimeoutMs", Number.NaN],
    ["requestTimeoutMs", -1],
    ["requestTimeoutMs", 0],
    ["requestTimeoutMs", "30000"],
    ["requestTimeoutMs", MAX_TIMER_MS + 1],
    ["connectTimeoutMs", Number.NaN],
    ["connectTimeoutMs", -5],
    ["maxBodyBytes", Number.NaN],
    ["maxBodyBytes", -1],
    ["maxBodyBytes", 1.5],
    ["maxBodyBytes", "1024"],
  ])("%s = %o is a RangeError naming it", (name, value) => {
    expect(() => resolveTimeouts({ [name]: value })).toThrow(RangeError);
    expect(() => resolveTimeouts({ [name]: value })).toThrow(new RegExp(`^${name} must be `));
  });

  it("accepts the limits in range, and an unlimited body", () => {
    expect(
      resolveTimeouts({ requestTimeoutMs: MAX_TIMER_MS, connectTimeoutMs: 1, maxBodyBytes: Infinity }),
    ).toEqual({
      requestTimeoutMs: MAX_TIMER_MS,
      connectTimeoutMs: 1,
      maxBodyBytes: Infinity,
    });
  });
});

describe("checkTlsCa", () => {
  it.each([5, { pem: "x" }, ["-----BEGIN CERTIFICATE-----", 7]])(
    "%o is a TlsError, not a TypeError",
    (ca) => {
      expect(() => checkTlsCa(ca as never)).toThrow(TlsError);
      expect(() => checkTlsCa(ca as never)).toThrow("tls.ca must be a PEM string or an array of them");
    },
  );
});

describe("checkOptions", () => {
  it.each([
    [null, "got null"],
    ["http://proxy:3128", "got a string"],
    [5, "got a number"],
  ])("%o is a TypeError naming the options", (value, got) => {
    expect(() => checkOptions("SomeTransport", value)).toThrow(
      new TypeError(`SomeTransport options must be an object (or omitted), ${got}`),
    );
  });

  it("accepts an object or nothing", () => {
    expect(() => checkOptions("SomeTransport", undefined)).not.toThrow();
    expect(() => checkOptions("SomeTransport", {})).not.toThrow();
  });
});
