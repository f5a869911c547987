import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAXIMUM_RETRY_DELAY } from "../src/constants.js";
import { createRetryStrategy, type FailureInfo, type RetryMode, retry } from "../src/index.js";
import { fakeTime } from "./fake-time.js";

const failure = fc.record(
  {
    code: fc.constantFrom("Throttling", "SlowDown", "RequestTimeout", "AccessDenied", "RequestExpired"),
    httpStatus: fc.constantFrom(400, 403, 429, 500, 503),
    transportCode: fc.constantFrom("timeout", "connection-reset", "dns"),
    modeledRetryable: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("retry properties", () => {
  it("never exceeds maxAttempts nor waits longer than the cap between attempts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<RetryMode>("standard", "adaptive", "legacy"),
        fc.integer({ min: 1, max: 8 }),
        fc.array(failure, { maxLength: 12 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (mode, maxAttempts, failures, r) => {
          const time = fakeTime();
          const strategy = createRetryStrategy({
            mode,
            maxAttempts,
            now: time.now,
            sleep: time.sleep,
            random: () => r,
          });
          const queue: FailureInfo[] = [...failures];
          let calls = 0;
          const outcome = await retry(
            strategy,
            async () => {
              calls += 1;
              const next = queue.shift();
              if (next) throw next;
              return calls;
            },
            { describe: (error) => error as FailureInfo },
          );
          expect(outcome.attempts).toBe(calls);
          expect(outcome.attempts).toBeLessThanOrEqual(maxAttempts);
          const backoffs = mode === "adaptive" ? time.sleeps.filter((ms) => ms > 0) : time.sleeps;
          const cap = mode === "legacy" ? 300 * 2 ** (maxAttempts - 2) : MAXIMUM_RETRY_DELAY;
          for (const ms of backoffs) expect(ms).toBeLessThanOrEqual(cap);
          expect(outcome.totalRetryDelayMs).toBeLessThanOrEqual((maxAttempts - 1) * cap);
          if (outcome.ok) expect(outcome.value).toBe(failures.length + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
