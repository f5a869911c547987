import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAXIMUM_RETRY_DELAY } from "../src/constants.js";
import { ClientRateLimiter, createRetryStrategy, legacyBackoff, standardBackoff } from "../src/index.js";
import { createBasicRetryStrategy } from "../src/strategy.js";

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

describe("createBasicRetryStrategy", () => {
  it("builds standard and legacy strategies like createRetryStrategy", () => {
    expect(createBasicRetryStrategy()).toMatchObject({
      mode: "standard",
      maxAttempts: 3,
      rateLimiter: undefined,
    });
    expect(createBasicRetryStrategy({ mode: "legacy" })).toMatchObject({ maxAttempts: 4, quota: undefined });
  });

  it("uses the rate limiter it is given in adaptive mode, and ignores it in the others", () => {
    const rateLimiter = new ClientRateLimiter();
    expect(createBasicRetryStrategy({ mode: "adaptive", rateLimiter }).rateLimiter).toBe(rateLimiter);
    expect(createRetryStrategy({ mode: "adaptive", rateLimiter }).rateLimiter).toBe(rateLimiter);
    expect(createBasicRetryStrategy({ rateLimiter }).rateLimiter).toBeUndefined();
  });

  it("rejects adaptive mode without a rate limiter", () => {
    expect(() => createBasicRetryStrategy({ mode: "adaptive" })).toThrow(
      expect.objectContaining({
        code: "invalid-option",
        message: expect.stringMatching(/^rateLimiter must be set/),
      }),
    );
  });
});
