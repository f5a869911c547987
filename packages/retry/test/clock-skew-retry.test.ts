import { describe, expect, it } from "vitest";
import { ClockSkew, createRetryStrategy, type FailureInfo, retry } from "../src/index.js";
import { fakeTime } from "./fake-time.js";

const HOUR = 3_600_000;

/** A server whose clock runs an hour ahead and rejects requests signed more than 5 min away. */
function skewedServer(now: () => number, code = "SignatureDoesNotMatch") {
  const signedWith: string[] = [];
  const run = async (attempt: { now(): Date }) => {
    const signed = attempt.now();
    signedWith.push(signed.toISOString());
    const serverDate = new Date(now() + HOUR);
    if (Math.abs(signed.getTime() - serverDate.getTime()) > 300_000) {
      throw Object.assign(new Error(code), { info: { code, httpStatus: 403, serverDate } });
    }
    return "signed in time";
  };
  return { run, signedWith };
}
const describeFailure = (error: unknown): FailureInfo => (error as { info: FailureInfo }).info;

describe("retry and clock skew", () => {
  it("corrects the clock from the server Date and re-signs at once", async () => {
    const time = fakeTime();
    const clock = new ClockSkew({ now: time.now });
    const strategy = createRetryStrategy(time);
    const server = skewedServer(time.now);
    const outcome = await retry(strategy, server.run, { describe: describeFailure, clock });
    expect(outcome).toEqual({ ok: true, value: "signed in time", attempts: 2, totalRetryDelayMs: 0 });
    expect(time.sleeps).toEqual([]);
    expect(clock.offsetMs).toBe(HOUR);
    expect(server.signedWith[1]).toBe(new Date(time.now() + HOUR).toISOString());
    expect(strategy.quota!.available).toBe(500);
  });

  it("keeps the correction for later calls sharing the clock", async () => {
    const time = fakeTime();
    const clock = new ClockSkew({ now: time.now });
    const strategy = createRetryStrategy(time);
    await retry(strategy, skewedServer(time.now).run, { describe: describeFailure, clock });
    time.advance(60_000);
    const outcome = await retry(strategy, skewedServer(time.now).run, { describe: describeFailure, clock });
    expect(outcome.attempts).toBe(1);
  });

  it("handles RequestTimeTooSkewed the same way", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy(time);
    const server = skewedServer(time.now, "RequestTimeTooSkewed");
    expect(await retry(strategy, server.run, { describe: describeFailure })).toMatchObject({
      attempts: 2,
      ok: true,
    });
  });

  it("does not retry a signature failure when the clocks agree", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy(time);
    const outcome = await retry(
      strategy,
      async () => {
        throw Object.assign(new Error("bad key"), {
          info: { code: "SignatureDoesNotMatch", httpStatus: 403, serverDate: new Date(time.now()) },
        });
      },
      { describe: describeFailure },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
  });

  it("does not retry a skew error when the correction cannot change the signing time", async () => {
    const time = fakeTime();
    const strategy = createRetryStrategy(time);
    const outcome = await retry(
      strategy,
      async () => {
        throw Object.assign(new Error("skew"), { info: { code: "RequestTimeTooSkewed", httpStatus: 403 } });
      },
      { describe: describeFailure },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
  });
});
