import { describe, expect, it } from "vitest";
import { createRetryStrategy, type FailureInfo, legacyBackoff, RetryError, retry } from "../src/index.js";
import { fakeTime, neverSleep } from "./fake-time.js";

/** A failure as a client would raise it, carrying what `describe` reports. */
class Failure extends Error {
  constructor(readonly info: FailureInfo) {
    super(info.code ?? info.transportCode ?? `HTTP ${info.httpStatus}`);
  }
}
const describeFailure = (error: unknown): FailureInfo => (error instanceof Failure ? error.info : {});

/** An operation failing with the given infos in turn, then succeeding with "ok". */
function script(...failures: FailureInfo[]) {
  const seen: number[] = [];
  const run = async (attempt: { number: number }) => {
    seen.push(attempt.number);
    const next = failures.shift();
    if (next) throw new Failure(next);
    return "ok";
  };
  return { run, seen };
}

const throttle: FailureInfo = { code: "Throttling", httpStatus: 400 };
const unavailable: FailureInfo = { httpStatus: 503 };

describe("retry in standard mode", () => {
  it("returns the value of a first-time success with 1 attempt and no delay", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({ ...time, random: () => 0.5 });
    const outcome = await retry(strategy, script().run, { describe: describeFailure });
    expect(outcome).toEqual({ ok: true, value: "ok", attempts: 1, totalRetryDelayMs: 0 });
  });

  it("retries throttling and transient errors with full-jitter backoff and reports the total delay", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({ ...time, random: () => 0.5 });
    const { run, seen } = script(throttle, unavailable);
    const outcome = await retry(strategy, run, { describe: describeFailure });
    expect(outcome).toEqual({ ok: true, value: "ok", attempts: 3, totalRetryDelayMs: 150 });
    expect(seen).toEqual([1, 2, 3]);
    expect(time.sleeps).toEqual([50, 100]);
  });

  it("gives up after maxAttempts and returns the last error without throwing", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({ ...time, random: () => 0 });
    const { run } = script(unavailable, unavailable, { httpStatus: 500 }, unavailable);
    const outcome = await retry(strategy, run, { describe: describeFailure });
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts).toBe(3);
    if (!outcome.ok) expect((outcome.error as Failure).info.httpStatus).toBe(500);
  });

  it("honours a configured maxAttempts", async () => {
    const strategy = createRetryStrategy({ ...fakeTime(), maxAttempts: 5, random: () => 0 });
    const { run } = script(unavailable, unavailable, unavailable, unavailable);
    expect(await retry(strategy, run, { describe: describeFailure })).toMatchObject({
      ok: true,
      attempts: 5,
    });
  });

  it("does not retry an error that is not retryable", async () => {
    const strategy = createRetryStrategy(fakeTime());
    const { run, seen } = script({ code: "AccessDenied", httpStatus: 403 });
    const outcome = await retry(strategy, run, { describe: describeFailure });
    expect(outcome).toMatchObject({ ok: false, attempts: 1, totalRetryDelayMs: 0 });
    expect(seen).toEqual([1]);
  });

  it("retries a modeled retryable error (STS IDPCommunicationError)", async () => {
    const strategy = createRetryStrategy({ ...fakeTime(), random: () => 0 });
    const { run } = script({ code: "IDPCommunicationError", httpStatus: 400, modeledRetryable: true });
    expect(await retry(strategy, run, { describe: describeFailure })).toMatchObject({
      ok: true,
      attempts: 2,
    });
  });

  it("hands each attempt its number and the strategy's clock when no ClockSkew is shared", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({ ...time, random: () => 0 });
    const seen: string[] = [];
    await retry(
      strategy,
      async (attempt) => {
        seen.push(`${attempt.number}@${attempt.now().getTime()}`);
        if (attempt.number === 1) throw new Failure(throttle);
      },
      { describe: describeFailure },
    );
    expect(seen).toEqual([`1@${time.now()}`, `2@${time.now()}`]);
  });

  it("uses a custom backoff", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({ ...time, backoff: (n) => n * 1000 });
    await retry(strategy, script(throttle, throttle).run, { describe: describeFailure });
    expect(time.sleeps).toEqual([1000, 2000]);
  });

  it("treats a throwing describe as a non-retryable failure", async () => {
    const strategy = createRetryStrategy(fakeTime());
    const outcome = await retry(strategy, script(throttle).run, {
      describe: () => {
        throw new Error("bug");
      },
    });
    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
  });
});

describe("retry quota", () => {
  it("charges 5 per retry and 10 per retry after a timeout, and refunds on success", async () => {
    const strategy = createRetryStrategy({ ...fakeTime(), random: () => 0 });
    const quota = strategy.quota!;
    await retry(strategy, script({ transportCode: "timeout" }, throttle).run, { describe: describeFailure });
    // 500 - 10 - 5, then the last retry's 5 comes back.
    expect(quota.available).toBe(490);
    await retry(strategy, script().run, { describe: describeFailure });
    expect(quota.available).toBe(491);
  });

  it("stops retrying once the quota is empty, and refills as calls succeed", async () => {
    const strategy = createRetryStrategy({ ...fakeTime(), random: () => 0, maxAttempts: 2 });
    for (let i = 0; i < 100; i += 1) {
      await retry(strategy, script(unavailable, unavailable).run, { describe: describeFailure });
    }
    expect(strategy.quota!.available).toBe(0);
    const { run, seen } = script(unavailable);
    expect(await retry(strategy, run, { describe: describeFailure })).toMatchObject({
      ok: false,
      attempts: 1,
    });
    expect(seen).toEqual([1]);
    for (let i = 0; i < 5; i += 1) await retry(strategy, script().run, { describe: describeFailure });
    expect(strategy.quota!.available).toBe(5);
    expect(await retry(strategy, script(unavailable).run, { describe: describeFailure })).toMatchObject({
      ok: true,
      attempts: 2,
    });
  });

  it("is shared safely by concurrent calls, granting no more retries than it holds", async () => {
    const strategy = createRetryStrategy({ ...fakeTime(), random: () => 0 });
    const calls = Array.from({ length: 60 }, () =>
      retry(strategy, script(unavailable, unavailable).run, { describe: describeFailure }),
    );
    const outcomes = await Promise.all(calls);
    const retries = outcomes.reduce((sum, o) => sum + o.attempts - 1, 0);
    expect(retries).toBe(500 / 5);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(40);
    // The 40 calls that succeeded each gave back their last retry's 5 tokens.
    expect(strategy.quota!.available).toBe(40 * 5);
  });
});

describe("retry in legacy mode", () => {
  it("makes 4 attempts with 300, 600, 1200 ms delays and no quota", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy({ ...time, mode: "legacy" });
    const { run } = script(throttle, throttle, throttle, throttle);
    const outcome = await retry(strategy, run, { describe: describeFailure });
    expect(outcome).toMatchObject({ ok: false, attempts: 4, totalRetryDelayMs: 2100 });
    expect(time.sleeps).toEqual([300, 600, 1200]);
  });

  it("takes the Ruby SDK's :full jitter through a custom backoff, as the README shows", async () => {
    const time = fakeTime();
    const random = () => 0.5;
    const strategy = createRetryStrategy({
      ...time,
      mode: "legacy",
      backoff: (attempt) => random() * legacyBackoff(attempt),
    });
    const { run } = script(throttle, throttle, throttle, throttle);
    const outcome = await retry(strategy, run, { describe: describeFailure });
    expect(outcome).toMatchObject({ ok: false, attempts: 4, totalRetryDelayMs: 1050 });
    expect(time.sleeps).toEqual([150, 300, 600]);
    expect(strategy.quota).toBeUndefined();
  });
});

describe("retry and AbortSignal", () => {
  it("aborts a pending backoff immediately, even if the injected sleep ignores the signal", async () => {
    const controller = new AbortController();
    const strategy = createRetryStrategy({ sleep: neverSleep, random: () => 0.5 });
    const { run, seen } = script(throttle);
    const pending = retry(strategy, run, { describe: describeFailure, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort(new Error("user cancelled"));
    const outcome = await pending;
    expect(outcome).toMatchObject({ ok: false, attempts: 1, totalRetryDelayMs: 0 });
    if (!outcome.ok) {
      expect(outcome.error).toBeInstanceOf(RetryError);
      expect((outcome.error as RetryError).code).toBe("aborted");
    }
    expect(seen).toEqual([1]);
  });

  it("aborts the default timer sleep", async () => {
    const controller = new AbortController();
    const strategy = createRetryStrategy({ backoff: () => 60_000 });
    const pending = retry(strategy, script(throttle).run, {
      describe: describeFailure,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 5);
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: "aborted" });
  });

  it("makes no attempt when the signal is already aborted", async () => {
    const strategy = createRetryStrategy(fakeTime());
    const { run, seen } = script();
    const outcome = await retry(strategy, run, { describe: describeFailure, signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ ok: false, attempts: 0 });
    expect(seen).toEqual([]);
  });

  it("does not retry a failure that happened after the signal aborted", async () => {
    const controller = new AbortController();
    const strategy = createRetryStrategy(fakeTime());
    const outcome = await retry(
      strategy,
      async () => {
        controller.abort();
        throw new Failure({ transportCode: "aborted" });
      },
      { describe: describeFailure, signal: controller.signal },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
  });
});
