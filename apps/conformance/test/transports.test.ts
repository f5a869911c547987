import { isTransportError } from "@lanyard/http";
import { sign } from "@lanyard/sigv4";
import { StsEmulator, TEST_CREDENTIALS } from "@lanyard/sts-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransport, TRANSPORT_NAMES, type TransportUnderTest } from "../src/replay/transports.js";

let emulator: StsEmulator;
beforeAll(async () => {
  emulator = await StsEmulator.start({ http2: true });
});
afterAll(() => emulator.close());

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isTransportError(error) ? error.code : String(error);
  }
}

// A legitimate call gets all the time it could need on a busy machine; only the call the
// emulator never answers meets a short timeout, so only that timeout is what the test measures.
const PATIENT_MS = 30_000;
const IMPATIENT_MS = 300;

describe.each(TRANSPORT_NAMES)("the emulator over %s", (name) => {
  it("verifies a signed call, and plays a reset and a hang as the transport's connection-reset and timeout", async () => {
    const patient = createTransport(name, emulator, { requestTimeoutMs: PATIENT_MS });
    const impatient = createTransport(name, emulator, { requestTimeoutMs: IMPATIENT_MS });
    const send = (target: TransportUnderTest, scenario: string) => {
      const headers = {
        "content-type": "application/x-www-form-urlencoded",
        "x-lanyard-case": `${name}-${scenario}`,
        "x-lanyard-scenario": scenario,
      };
      const request = {
        method: "POST",
        url: target.endpoint,
        headers,
        body: "Action=GetCallerIdentity&Version=2011-06-15",
      };
      return target.transport.send(
        sign(request, { credentials: { ...TEST_CREDENTIALS }, region: "us-east-1", service: "sts" }),
      );
    };
    try {
      expect((await send(patient, "none")).status).toBe(200);
      expect(await errorCode(send(patient, "reset-then-success"))).toBe("connection-reset");
      expect((await send(patient, "reset-then-success")).status).toBe(200);
      expect(await errorCode(send(impatient, "timeout-then-success"))).toBe("timeout");
      expect((await send(patient, "timeout-then-success")).status).toBe(200);
      const seen = emulator.requests(`${name}-reset-then-success`);
      expect(seen.map((r) => [r.protocol, r.signature, r.outcome])).toEqual([
        [patient.protocol, "verified", "reset"],
        [patient.protocol, "verified", 200],
      ]);
    } finally {
      await patient.transport.close();
      await impatient.transport.close();
    }
  });
});
