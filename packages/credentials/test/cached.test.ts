import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AwsCredentials, CredentialsError, cached, createCredentials } from "../src/index.js";
import { AKID, SECRET } from "./helpers.js";

const MINUTE = 60_000;

/** A provider that counts fetches and hands out credentials expiring `lifetimeMs` after the clock. */
function counting(clock: { now: number }, lifetimeMs: number | undefined) {
  const state = { fetches: 0, fail: false, release: undefined as (() => void) | undefined };
  const provider = async (): Promise<AwsCredentials> => {
    state.fetches++;
    if (state.fail) throw new CredentialsError("http-failed", "source down", { tryNext: true });
    return createCredentials({
      accessKeyId: `${AKID}${state.fetches}`,
      secretAccessKey: SECRET,
      expiration: lifetimeMs === undefined ? undefined : new Date(clock.now + lifetimeMs),
    });
  };
  return { state, provider };
}

describe("cached", () => {
  it("reuses credentials until the refresh window before expiry, then refetches", async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const { state, provider } = counting(clock, 60 * MINUTE);
    const get = cached(provider, { now: () => clock.now });
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    clock.now += 54 * MINUTE;
    expect((await get()).accessKeyId).toBe(`${AKID}1`);
    clock.now += 1 * MINUTE; // now exactly 5 minutes before expiry
    expect((await get()).accessKeyId).toBe(`${AKID}2`);
    expect(state.fetches).toBe(2);
  });

  it("honours a custom refresh window", async () => {
    const clock = { now: 0 };
    const { state, provider } = counting(clock, 10 * MINUTE);
    const get = cached(provider, { now: () => clock.now, refreshWindowMs: MINUTE });
    await get();
    clock.now += 8 * MINUTE;
    await get();
    expect(state.fetches).toBe(1);
    clock.now += 1 * MINUTE;
    await get();
    expect(state.fetches).toBe(2);
  });

  it("keeps credentials without an expiration for good", async () => {
    const clock = { now: 0 };
    const { state, provider } = counting(clock, undefined);
    const get = cached(provider, { now: () => clock.now });
    await get();
    clock.now += 365 * 24 * 60 * MINUTE;
    await get();
    expect(state.fetches).toBe(1);
  });

  it("makes exactly one fetch for 1000 concurrent callers during a refresh", async () => {
    const clock = { now: 0 };
    let fetches = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const get = cached(
      async () => {
        fetches++;
        await gate;
        return createCredentials({
          accessKeyId: AKID,
          secretAccessKey: SECRET,
          expiration: new Date(clock.now + 3_600_000),
        });
      },
      { now: () => clock.now },
    );
    const callers = Array.from({ length: 1000 }, () => get());
    release();
    const results = await Promise.all(callers);
    expect(fetches).toBe(1);
    expect(new Set(results).size).toBe(1);
    // Expire, then 1000 more concurrent callers: one more fetch.
    clock.now += 3_600_000;
    await Promise.all(Array.from({ length: 1000 }, () => get()));
    expect(fetches).toBe(2);
  });

  it("makes one fetch for 1000 callers inside the refresh window, all getting the new credentials", async () => {
    const clock = { now: 0 };
    const { state, provider } = counting(clock, 60 * MINUTE);
    const get = cached(provider, { now: () => clock.now });
    await get();
    clock.now += 56 * MINUTE; // the old credentials are still valid for 4 minutes
    const results = await Promise.all(Array.from({ length: 1000 }, () => get()));
    expect(state.fetches).toBe(2);
    expect(new Set(results.map((c) => c.accessKeyId))).toEqual(new Set([`${AKID}2`]));
  });

  it("does not cache a failure: the next call fetches again", async () => {
    const clock = { now: 0 };
    const { state, provider } = counting(clock, 60 * MINUTE);
    const get = cached(provider, { now: () => clock.now });
    state.fail = true;
    await expect(get()).rejects.toMatchObject({ code: "http-failed" });
    state.fail = false;
    await expect(get()).resolves.toMatchObject({ accessKeyId: `${AKID}2` });
  });

  it("clears the in-flight fetch when the provider throws synchronously", async () => {
    let calls = 0;
    const get = cached((() => {
      calls++;
      throw new CredentialsError("not-configured", "sync");
    }) as unknown as () => Promise<AwsCredentials>);
    await expect(get()).rejects.toThrow("sync");
    await expect(get()).rejects.toThrow("sync");
    expect(calls).toBe(2);
  });

  it("returns the still-valid credentials when a refresh inside the window fails", async () => {
    const clock = { now: 0 };
    const { state, provider } = counting(clock, 60 * MINUTE);
    const get = cached(provider, { now: () => clock.now });
    await get();
    clock.now += 57 * MINUTE;
    state.fail = true;
    await expect(get()).resolves.toMatchObject({ accessKeyId: `${AKID}1` });
    clock.now += 3 * MINUTE; // expired now
    await expect(get()).rejects.toMatchObject({ code: "http-failed" });
  });

  it("never serves credentials inside the refresh window while a fetch succeeds (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20 * MINUTE }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 6 * MINUTE, max: 120 * MINUTE }),
        async (steps, lifetime) => {
          const clock = { now: 0 };
          const { provider } = counting(clock, lifetime);
          const get = cached(provider, { now: () => clock.now });
          for (const step of steps) {
            clock.now += step;
            const creds = await get();
            expect(creds.expiration!.getTime() - clock.now).toBeGreaterThan(5 * MINUTE);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
