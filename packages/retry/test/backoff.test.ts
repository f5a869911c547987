import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAXIMUM_RETRY_DELAY } from "../src/constants.js";
import {
  adaptiveStrategy,
  ClientRateLimiter,
  createRetryStrategy,
  legacyBackoff,
  legacyStrategy,
  standardBackoff,
  standardStrategy,
} from "../src/index.js";

describe("standardBackoff", () => {
  it("is random × 100 ms × 2^(attempt-1)", () => {
    expect(standardBackoff(1, () => 0.5)).toBe(50);
    expect(standardBackoff(2, () => 0.5)).toBe(100);
    expect(standardBackoff(3, () => 0.999)).toBe(399);
    expect(standardBackoff(1, () => 0)).toBe(0);
  });

  it("caps at 20 s", () => {
    expect(standardBackoff(20, () => 0.999)).toBe(MAXIMUM_RETRY_DELAY);
  });

  it("never exceeds the cap nor goes negative (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const delay = standardBackoff(n, () => r);
          return delay >= 0 && delay <= MAXIMUM_RETRY_DELAY && Number.isInteger(delay);
        },
      ),
    );
  });
});

describe("legacyBackoff", () => {
  it("follows the Ruby SDK: 2^retries × 300 ms", () => {
    expect([1, 2, 3].map(legacyBackoff)).toEqual([300, 600, 1200]);
  });
});

describe("createRetryStrategy", () => {
  it("defaults to standard mode with 3 attempts and a quota, no rate limiter", () => {
    const strategy = createRetryStrategy();
    expect(strategy.mode).toBe("standard");
    expect(strategy.maxAttempts).toBe(3);
    expect(strategy.quota?.available).toBe(500);
    expect(strategy.rateLimiter).toBeUndefined();
  });

  it("gives adaptive mode a rate limiter and legacy mode 4 attempts without a quota", () => {
    expect(createRetryStrategy({ mode: "adaptive" }).rateLimiter).toBeDefined();
    const legacy = createRetryStrategy({ mode: "legacy" });
    expect(legacy.maxAttempts).toBe(4);
    expect(legacy.quota).toBeUndefined();
  });

  it("uses a custom backoff, clamping negative or non-finite delays to 0", () => {
    const strategy = createRetryStrategy({ backoff: (n) => [250, -5, Number.NaN][n - 1] ?? 0 });
    expect([1, 2, 3].map((n) => strategy.backoffDelay(n))).toEqual([250, 0, 0]);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects maxAttempts %s", (maxAttempts) => {
    expect(() => createRetryStrategy({ maxAttempts })).toThrow(/maxAttempts must be an integer/);
  });

  it("rejects an unknown mode", () => {
    expect(() => createRetryStrategy({ mode: "eager" as never })).toThrow(
      expect.objectContaining({ code: "invalid-option" }),
    );
  });
});

describe("standardStrategy, adaptiveStrategy and legacyStrategy", () => {
  it("build each mode as createRetryStrategy does", () => {
    for (const [create, mode] of [
      [standardStrategy, "standard"],
      [adaptiveStrategy, "adaptive"],
      [legacyStrategy, "legacy"],
    ] as const) {
      const strategy = create({ maxAttempts: 5 });
      const named = createRetryStrategy({ mode, maxAttempts: 5 });
      expect(strategy).toMatchObject({ mode, maxAttempts: 5 });
      expect(strategy.quota?.available).toBe(named.quota?.available);
      expect(strategy.rateLimiter === undefined).toBe(named.rateLimiter === undefined);
    }
    expect([1, 2, 3].map((n) => legacyStrategy().backoffDelay(n))).toEqual([300, 600, 1200]);
  });

  it("share the rate limiter given to adaptive mode, which the other modes do not take", () => {
    const rateLimiter = new ClientRateLimiter();
    expect(adaptiveStrategy({ rateLimiter }).rateLimiter).toBe(rateLimiter);
    expect(createRetryStrategy({ mode: "adaptive", rateLimiter }).rateLimiter).toBe(rateLimiter);
    expect(createRetryStrategy({ rateLimiter }).rateLimiter).toBeUndefined();
  });

  it("jitter the standard backoff with the given random source", () => {
    expect(standardStrategy({ random: () => 0.5 }).backoffDelay(2)).toBe(100);
    expect(adaptiveStrategy({ random: () => 0.5 }).backoffDelay(3)).toBe(200);
  });

  it.each([standardStrategy, adaptiveStrategy, legacyStrategy])("%o rejects a bad maxAttempts", (create) => {
    expect(() => create({ maxAttempts: 0 })).toThrow(
      expect.objectContaining({
        code: "invalid-option",
        message: expect.stringMatching(/^maxAttempts must be/),
      }),
    );
  });
});
