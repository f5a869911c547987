import { describe, expect, it } from "vitest";
import {
  ClientRateLimiter,
  createRetryStrategy,
  type FailureInfo,
  type RetryMode,
  retry,
} from "../src/index.js";
import { fakeTime } from "./fake-time.js";

/** Records `count` successes spaced `everyMs` apart. */
function sendSteadily(
  limiter: ClientRateLimiter,
  time: ReturnType<typeof fakeTime>,
  count: number,
  everyMs: number,
) {
  for (let i = 0; i < count; i += 1) {
    time.advance(everyMs);
    limiter.record(false);
  }
}

describe("ClientRateLimiter", () => {
  it("never delays a request before the first throttle", () => {
    const time = fakeTime();
    const limiter = new ClientRateLimiter({ now: time.now });
    for (let i = 0; i < 100; i += 1) expect(limiter.reserve()).toBe(0);
    expect(limiter.enabled).toBe(false);
  });

  it("measures the send rate in half-second buckets with 0.8 smoothing", () => {
    const time = fakeTime();
    const limiter = new ClientRateLimiter({ now: time.now });
    sendSteadily(limiter, time, 100, 100);
    expect(limiter.measuredTxRate).toBeCloseTo(10, 1);
  });

  it("cuts the rate to 0.7 × the measured rate on a throttle and turns the bucket on", () => {
    const time = fakeTime();
    const limiter = new ClientRateLimiter({ now: time.now });
    sendSteadily(limiter, time, 100, 100);
    const measured = limiter.measuredTxRate;
    limiter.record(true);
    expect(limiter.enabled).toBe(true);
    expect(limiter.fillRate).toBeCloseTo(measured * 0.7, 6);
  });

  it("grows back along the CUBIC curve, regaining the old rate after K = cbrt(Wmax·(1-β)/C) seconds", () => {
    const time = fakeTime();
    const limiter = new ClientRateLimiter({ now: time.now });
    sendSteadily(limiter, time, 100, 100);
    const wMax = limiter.measuredTxRate;
    limiter.record(true);
    const k = Math.cbrt((wMax * (1 - 0.7)) / 0.4);
    // Keep sending at 10 rps so the 2 × measured-rate ceiling does not bind.
    const steps = Math.round((k * 1000) / 100);
    sendSteadily(limiter, time, steps, 100);
    const elapsed = (steps * 100) / 1000;
    expect(limiter.fillRate).toBeCloseTo(0.4 * (elapsed - k) ** 3 + wMax, 1);
    expect(limiter.fillRate).toBeCloseTo(wMax, 0);
  });

  it("makes callers wait for tokens once enabled, queueing concurrent callers", () => {
    const time = fakeTime();
    const limiter = new ClientRateLimiter({ now: time.now });
    sendSteadily(limiter, time, 100, 100);
    limiter.record(true);
    const rate = limiter.fillRate;
    // The bucket holds up to one second's worth of tokens; drain what it has saved.
    let first = limiter.reserve();
    for (let i = 0; first === 0 && i < 100; i += 1) first = limiter.reserve();
    const second = limiter.reserve();
    const third = limiter.reserve();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(1000 / rate + 1e-6);
    expect(second - first).toBeCloseTo(1000 / rate, 6);
    expect(third - second).toBeCloseTo(1000 / rate, 6);
  });

  it("never lets the fill rate fall below 0.5 request per second", () => {
    const time = fakeTime();
    const limiter = new ClientRateLimiter({ now: time.now });
    for (let i = 0; i < 50; i += 1) {
      time.advance(1000);
      limiter.record(true);
    }
    expect(limiter.fillRate).toBe(0.5);
  });
});

/**
 * A service that admits `capacity` requests per second (a token bucket of one second's worth)
 * and answers the rest with a throttling error; every request takes `latencyMs`.
 */
function throttlingServer(time: ReturnType<typeof fakeTime>, capacity: number, latencyMs: number) {
  let tokens = capacity;
  let last = time.now();
  const log: { at: number; throttled: boolean }[] = [];
  const run = async (): Promise<string> => {
    time.advance(latencyMs);
    tokens = Math.min(capacity, tokens + ((time.now() - last) / 1000) * capacity);
    last = time.now();
    const throttled = tokens < 1;
    log.push({ at: time.now(), throttled });
    if (throttled)
      throw Object.assign(new Error("Throttling"), { info: { code: "Throttling", httpStatus: 400 } });
    tokens -= 1;
    return "ok";
  };
  return { run, log };
}
const describeFailure = (error: unknown): FailureInfo => (error as { info: FailureInfo }).info;

async function simulate(mode: RetryMode) {
  const time = fakeTime();
  const strategy = createRetryStrategy({ mode, now: time.now, sleep: time.sleep, random: () => 0.5 });
  const server = throttlingServer(time, 10, 20);
  const start = time.now();
  let failedCalls = 0;
  while (time.now() - start < 60_000) {
    const outcome = await retry(strategy, server.run, { describe: describeFailure });
    if (!outcome.ok) failedCalls += 1;
  }
  const late = server.log.filter((entry) => entry.at - start >= 30_000);
  const throttledShare = late.filter((entry) => entry.throttled).length / late.length;
  const okPerSecond = late.filter((entry) => !entry.throttled).length / 30;
  return { throttledShare, okPerSecond, failedCalls, strategy };
}

describe("adaptive mode against a simulated throttling server", () => {
  it("converges near the server's rate, with far fewer throttles than standard mode", async () => {
    const adaptive = await simulate("adaptive");
    const standard = await simulate("standard");
    expect(adaptive.throttledShare).toBeLessThan(0.25);
    expect(adaptive.throttledShare).toBeLessThan(standard.throttledShare / 2);
    expect(adaptive.okPerSecond).toBeGreaterThan(6);
    expect(adaptive.okPerSecond).toBeLessThanOrEqual(10.5);
    expect(adaptive.strategy.rateLimiter!.fillRate).toBeLessThan(20);
    // Requests wait for a token instead of failing.
    expect(adaptive.failedCalls).toBe(0);
  });

  it("waits for a rate-limiter token before each attempt, and an abort cuts that wait short", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({
      mode: "adaptive",
      now: time.now,
      sleep: time.sleep,
      random: () => 0,
    });
    const limiter = strategy.rateLimiter!;
    sendSteadily(limiter, time, 100, 100);
    limiter.record(true);
    while (limiter.reserve() === 0);
    const before = time.sleeps.length;
    const ok = await retry(strategy, async () => "ok", { describe: describeFailure });
    expect(ok).toMatchObject({ ok: true, attempts: 1, totalRetryDelayMs: 0 });
    expect(time.sleeps.length).toBe(before + 1);
    expect(time.sleeps.at(-1)).toBeGreaterThan(0);

    const hanging = createRetryStrategy({
      mode: "adaptive",
      now: time.now,
      sleep: () => new Promise(() => {}),
    });
    sendSteadily(hanging.rateLimiter!, time, 100, 100);
    hanging.rateLimiter!.record(true);
    while (hanging.rateLimiter!.reserve() === 0);
    const controller = new AbortController();
    const pending = retry(hanging, async () => "ok", {
      describe: describeFailure,
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, attempts: 0, error: { code: "aborted" } });
  });
});
