import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AwsCredentials,
  type CachedOptions,
  CredentialsError,
  cached,
  createCredentials,
} from "../src/index.js";
import { AKID, SECRET, TOKEN } from "./helpers.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Lets every pending promise continuation run (the fake sources below never touch timers). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A fake source on a fake clock: counts fetches, hands out credentials living `lifetimeMs`
 * (numbered by fetch), can fail, and can hold each fetch until `release()`, like a hanging STS.
 */
function source(clock: { now: number }, lifetimeMs: number | null = HOUR) {
  const state = {
    fetches: 0,
    fetchedAt: [] as number[],
    fail: false,
    hang: false,
    lifetimeMs,
    releases: [] as (() => void)[],
  };
  const provider = async (): Promise<AwsCredentials> => {
    state.fetches++;
    state.fetchedAt.push(clock.now);
    if (state.hang) await new Promise<void>((resolve) => state.releases.push(resolve));
    if (state.fail) throw new CredentialsError("http-failed", `source down (${state.fetches})`);
    return createCredentials({
      accessKeyId: `${AKID}${state.fetches}`,
      secretAccessKey: SECRET,
      expiration: state.lifetimeMs === null ? undefined : new Date(clock.now + state.lifetimeMs),
    });
  };
  const release = () => {
    for (const resolve of state.releases.splice(0)) resolve();
  };
  return { state, provider, release };
}

/** `lifetimeMs` null: long-term keys without an expiration. */
function setup(lifetimeMs: number | null = HOUR, options: CachedOptions = {}) {
  const clock = { now: Date.UTC(2030, 0, 1) };
  const fake = source(clock, lifetimeMs);
  // random() = 1: the full backoff, so the schedule is exact.
  const get = cached(fake.provider, { now: () => clock.now, random: () => 1, ...options });
  return { clock, ...fake, get };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});

describe("cached: outside the advisory window", () => {
  it("returns the cached credentials without fetching", async () => {
    const { clock, state, get } = setup();
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    clock.now += 44 * MINUTE; // 16 minutes left: outside the 15-minute advisory window
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    expect(state.fetches).toBe(1);
  });

  it("keeps credentials without an expiration for good", async () => {
    const { clock, state, get } = setup(null);
    await get();
    clock.now += 365 * 24 * HOUR;
    await get();
    expect(state.fetches).toBe(1);
  });
});

describe("cached: inside the advisory window", () => {
  it("returns the current credentials at once while one background refresh runs", async () => {
    const { clock, state, get, release } = setup();
    await get();
    clock.now += 50 * MINUTE; // 10 minutes left: advisory, not mandatory
    state.hang = true;
    const results = await Promise.all(Array.from({ length: 1000 }, () => get()));
    expect(new Set(results.map((c) => c.accessKeyId))).toEqual(new Set([`${AKID}1`]));
    for (let i = 0; i < 50; i++) expect((await get()).accessKeyId).toBe(`${AKID}1`);
    expect(state.fetches).toBe(2);
    release();
    await settle();
    expect((await get()).accessKeyId).toBe(`${AKID}2`);
    expect(state.fetches).toBe(2);
  });

  it("keeps serving the current credentials when the background refresh fails, with no unhandled rejection", async () => {
    const { clock, state, get } = setup();
    await get();
    clock.now += 50 * MINUTE;
    state.fail = true;
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    await settle();
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    expect(unhandled).toEqual([]);
  });

  it("a provider that throws synchronously in the background is no unhandled rejection either", async () => {
    const clock = { now: 0 };
    let calls = 0;
    const get = cached(
      (() => {
        calls++;
        if (calls > 1) throw new CredentialsError("http-failed", "sync");
        return Promise.resolve(
          createCredentials({ accessKeyId: AKID, secretAccessKey: SECRET, expiration: new Date(HOUR) }),
        );
      }) as () => Promise<AwsCredentials>,
      { now: () => clock.now },
    );
    await get();
    clock.now = 50 * MINUTE;
    expect((await get()).accessKeyId).toBe(AKID);
    await settle();
    expect(calls).toBe(2);
    expect(unhandled).toEqual([]);
  });
});

describe("cached: inside the mandatory window, expired, or nothing yet", () => {
  it("makes callers wait for one shared refresh and hands them all the new credentials", async () => {
    const { clock, state, get, release } = setup();
    await get();
    clock.now += 56 * MINUTE; // 4 minutes left: mandatory
    state.hang = true;
    let settled = 0;
    const callers = Array.from({ length: 1000 }, () => get().finally(() => settled++));
    await settle();
    expect(settled).toBe(0);
    release();
    const results = await Promise.all(callers);
    expect(state.fetches).toBe(2);
    expect(new Set(results)).toEqual(new Set([results[0]]));
    expect(results[0]?.accessKeyId).toBe(`${AKID}2`);
  });

  it("returns the old credentials when the refresh fails before they expire", async () => {
    const { clock, state, get } = setup();
    await get();
    clock.now += 57 * MINUTE;
    state.fail = true;
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
  });

  it("throws the refresh's error once the credentials have expired", async () => {
    const { clock, state, get } = setup();
    await get();
    clock.now += HOUR;
    state.fail = true;
    await expect(get()).rejects.toMatchObject({ code: "http-failed" });
  });

  it("makes 1000 concurrent first callers share one fetch", async () => {
    const { state, get, release } = setup();
    state.hang = true;
    const callers = Array.from({ length: 1000 }, () => get());
    release();
    await settle();
    release();
    const results = await Promise.all(callers);
    expect(state.fetches).toBe(1);
    expect(new Set(results).size).toBe(1);
  });
});

describe("cached: backoff after a failed refresh", () => {
  it("with nothing cached, answers with the last error at once until the backoff passes", async () => {
    const { clock, state, get } = setup();
    state.fail = true;
    const first = await get().catch((e: unknown) => e);
    for (let i = 0; i < 50; i++) expect(await get().catch((e: unknown) => e)).toBe(first);
    clock.now += SECOND - 1;
    expect(await get().catch((e: unknown) => e)).toBe(first);
    expect(state.fetches).toBe(1);
    clock.now += 1; // the first backoff (1 s) has passed
    state.fail = false;
    expect((await get()).accessKeyId).toBe(`${AKID}2`);
    expect(state.fetches).toBe(2);
  });

  it("serves the still-valid credentials during the backoff, even inside the mandatory window", async () => {
    const { clock, state, get } = setup();
    await get();
    clock.now += 57 * MINUTE;
    state.fail = true;
    for (let i = 0; i < 50; i++) expect((await get()).accessKeyId).toBe(`${AKID}1`);
    expect(state.fetches).toBe(2);
  });

  it("doubles the pause after each consecutive failure up to one minute, one fetch per pause", async () => {
    const { clock, state, get } = setup();
    state.fail = true;
    const start = clock.now;
    for (let t = 0; t <= 10 * MINUTE; t += 100) {
      clock.now = start + t;
      await get().catch(() => {});
    }
    const gaps = state.fetchedAt.slice(1).map((at, i) => (at - (state.fetchedAt[i] as number)) / SECOND);
    expect(gaps.slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(Math.max(...gaps)).toBe(60);
  });

  it("jitters each pause between half and all of it", async () => {
    for (const [random, firstGap] of [
      [0, 500],
      [0.5, 750],
    ] as const) {
      const clock = { now: 0 };
      const fake = source(clock);
      fake.state.fail = true;
      const get = cached(fake.provider, { now: () => clock.now, random: () => random });
      for (clock.now = 0; fake.state.fetches < 2; clock.now += 50) await get().catch(() => {});
      expect(fake.state.fetchedAt[1]).toBe(firstGap);
    }
  });

  it("starts over from the shortest pause after a success", async () => {
    const { clock, state, get } = setup();
    state.fail = true;
    await get().catch(() => {});
    clock.now += SECOND;
    await get().catch(() => {});
    clock.now += 2 * SECOND;
    state.fail = false;
    await get(); // third fetch succeeds
    clock.now += HOUR; // expired: the next fetch is due
    state.fail = true;
    await get().catch(() => {});
    clock.now += SECOND; // 1 s again, not 4 s
    await get().catch(() => {});
    expect(state.fetches).toBe(5);
  });

  it("honours backoffBaseMs and backoffMaxMs", async () => {
    const { clock, state, get } = setup(HOUR, { backoffBaseMs: 10 * SECOND, backoffMaxMs: 15 * SECOND });
    state.fail = true;
    const start = clock.now;
    for (let t = 0; t <= 2 * MINUTE; t += SECOND) {
      clock.now = start + t;
      await get().catch(() => {});
    }
    const gaps = state.fetchedAt.slice(1).map((at, i) => (at - (state.fetchedAt[i] as number)) / SECOND);
    expect(gaps.slice(0, 3)).toEqual([10, 15, 15]);
  });
});

describe("cached: credentials that live shorter than the windows", () => {
  it.each([
    ["a 15-minute STS session", 15 * MINUTE, 2 * HOUR],
    ["a 2-minute container credential", 2 * MINUTE, 30 * MINUTE],
  ])("%s is refetched about twice per lifetime, not on every resolve", async (_name, lifetime, span) => {
    const { clock, state, get } = setup(lifetime);
    const start = clock.now;
    let resolves = 0;
    for (let t = 0; t < span; t += SECOND) {
      clock.now = start + t;
      const credentials = await get();
      resolves++;
      expect(credentials.expiration!.getTime()).toBeGreaterThan(clock.now);
      await settle();
    }
    expect(resolves).toBeGreaterThan(1000);
    // The windows shrink to half and a quarter of the lifetime: one fetch per half-lifetime.
    expect(state.fetches).toBeLessThanOrEqual(Math.ceil(span / (lifetime / 2)) + 1);
  });

  it("treats credentials that arrive already expired as a failed refresh, and backs off", async () => {
    const { state, get } = setup(0);
    const error = await get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "expired" });
    for (let i = 0; i < 50; i++) await get().catch(() => {});
    expect(state.fetches).toBe(1);
  });
});

describe("cached: options", () => {
  it("refreshWindowMs is the advisory window; inside it callers are not kept waiting", async () => {
    const { clock, state, get } = setup(HOUR, { refreshWindowMs: 30 * MINUTE });
    await get();
    clock.now += 29 * MINUTE;
    await get();
    expect(state.fetches).toBe(1);
    clock.now += 2 * MINUTE; // 29 minutes left
    state.hang = true;
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    expect(state.fetches).toBe(2);
  });

  it("a refreshWindowMs smaller than the mandatory window makes both that size (the former behaviour)", async () => {
    const { clock, state, get, release } = setup(10 * MINUTE, { refreshWindowMs: MINUTE });
    await get();
    clock.now += 8 * MINUTE;
    await get();
    expect(state.fetches).toBe(1);
    clock.now += MINUTE; // 1 minute left: waits
    state.hang = true;
    const pending = get();
    await settle();
    release();
    expect((await pending).accessKeyId).toBe(`${AKID}2`);
  });

  it("mandatoryWindowMs sets when callers start waiting", async () => {
    const { clock, state, get, release } = setup(HOUR, { mandatoryWindowMs: 12 * MINUTE });
    await get();
    clock.now += 47 * MINUTE; // 13 minutes left: background
    state.hang = true;
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    release();
    await settle();
    clock.now += 47 * MINUTE; // new credentials, 13 minutes left again
    expect((await get()).accessKeyId).toBe(`${AKID}2`);
    clock.now += 2 * MINUTE; // 11 minutes left: waits
    const pending = get();
    await settle();
    release();
    expect((await pending).accessKeyId).toBe(`${AKID}3`);
  });
});

describe("cached: what it returns", () => {
  it("wraps a provider's plain object so the secret and token stay out of logs", async () => {
    const get = cached(async () => ({ accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: TOKEN }));
    const credentials = await get();
    expect(credentials).toEqual({ accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: TOKEN });
    for (const text of [JSON.stringify(credentials), inspect({ nested: { credentials } }, { depth: 5 })]) {
      expect(text).toContain(AKID);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
  });

  it("refuses what is not a credential set with a CredentialsError", async () => {
    const get = cached(async () => undefined as unknown as AwsCredentials);
    await expect(get()).rejects.toMatchObject({ name: "CredentialsError", code: "invalid-credentials" });
    const withText = cached(
      async () => ({ accessKeyId: AKID, secretAccessKey: SECRET, expiration: "soon" }) as never,
    );
    await expect(withText()).rejects.toMatchObject({ code: "invalid-credentials" });
  });

  it("never serves expired credentials while the source works (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20 * MINUTE }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 120 * MINUTE }),
        async (steps, lifetime) => {
          const { clock, state, get } = setup(lifetime);
          for (const step of steps) {
            clock.now += step;
            const credentials = await get();
            expect(credentials.expiration!.getTime()).toBeGreaterThan(clock.now);
            await settle();
          }
          expect(state.fetches).toBeLessThanOrEqual(steps.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
