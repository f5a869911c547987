import { describe, expect, it } from "vitest";
import { INITIAL_RETRY_TOKENS, RETRY_COST, TIMEOUT_RETRY_COST } from "../src/constants.js";
import { RetryQuota } from "../src/quota.js";

describe("RetryQuota", () => {
  it("starts full at 500 tokens", () => {
    const quota = new RetryQuota();
    expect(quota.capacity).toBe(500);
    expect(quota.available).toBe(INITIAL_RETRY_TOKENS);
  });

  it("is exhausted after 100 retries at 5 tokens, or 50 after timeouts at 10", () => {
    const quota = new RetryQuota();
    let retries = 0;
    while (quota.acquire(RETRY_COST)) retries += 1;
    expect(retries).toBe(100);
    expect(quota.available).toBe(0);
    const timeouts = new RetryQuota();
    let timeoutRetries = 0;
    while (timeouts.acquire(TIMEOUT_RETRY_COST)) timeoutRetries += 1;
    expect(timeoutRetries).toBe(50);
  });

  it("refuses a retry that costs more than is left, taking nothing", () => {
    const quota = new RetryQuota(7);
    expect(quota.acquire(10)).toBe(false);
    expect(quota.available).toBe(7);
    expect(quota.acquire(5)).toBe(true);
    expect(quota.available).toBe(2);
  });

  it("refills 1 token per first-time success and the borrowed cost after a retried success", () => {
    const quota = new RetryQuota();
    quota.acquire(10);
    quota.acquire(5);
    quota.release(undefined);
    expect(quota.available).toBe(486);
    quota.release(10);
    expect(quota.available).toBe(496);
  });

  it("never refills above capacity", () => {
    const quota = new RetryQuota();
    quota.release(undefined);
    quota.release(10);
    expect(quota.available).toBe(500);
  });
});
