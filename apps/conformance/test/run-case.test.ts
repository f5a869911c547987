import { StsEmulator } from "@lanyard/sts-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allCases, type ConformanceCase } from "../src/replay/cases.js";
import { runCase } from "../src/replay/run-case.js";
import { createTransport, type TransportUnderTest } from "../src/replay/transports.js";

// No case here makes the emulator hang: every call must succeed or fail on its merits, so each
// attempt and each call gets all the time it could need on a busy machine.
const PATIENT_MS = 30_000;

let emulator: StsEmulator;
let target: TransportUnderTest;
beforeAll(async () => {
  emulator = await StsEmulator.start({ http2: false });
  target = createTransport("undici", emulator, { requestTimeoutMs: PATIENT_MS });
});
afterAll(async () => {
  await target.transport.close();
  await emulator.close();
});

const caller = (): ConformanceCase => allCases().find((c) => c.id.startsWith("example/GetCallerIdentity/"))!;

describe("runCase", () => {
  it("passes a documented example and counts one attempt", async () => {
    const result = await runCase(caller(), "neg0", target, emulator, PATIENT_MS);
    expect(result).toMatchObject({ pass: true, attempts: 1, transport: "undici", problems: [] });
  });

  it("fails when the answer differs from the documented output", async () => {
    const c = caller();
    const tampered = { ...c, plan: { output: { ...c.plan.output, Account: "999999999999" } } };
    const result = await runCase(tampered, "neg1", target, emulator, PATIENT_MS);
    expect(result.pass).toBe(false);
    expect(result.problems).toContain('$.Account: got "999999999999", expected "123456789012"');
  });

  it("fails when the call is signed but the case expects it unsigned, or errors where an output is due", async () => {
    const c = caller();
    const unsigned = await runCase({ ...c, signed: false }, "neg2", target, emulator, PATIENT_MS);
    expect(unsigned.problems).toContain("attempt 1: signature verified, expected unsigned");
    const erroring = {
      ...c,
      plan: { error: { status: 400, code: "ExpiredTokenException", message: "expired" } },
    };
    const failed = await runCase(erroring, "neg3", target, emulator, PATIENT_MS);
    expect(failed.problems).toContain("failed with ExpiredTokenException: expired");
  });

  it("fails when the attempts differ from the expected count", async () => {
    const result = await runCase(
      { ...caller(), plan: { faults: ["throttle"] } },
      "neg4",
      target,
      emulator,
      PATIENT_MS,
    );
    expect(result.attempts).toBe(2);
    expect(result.problems).toContain("emulator saw 2 attempt(s), expected 1");
  });
});
