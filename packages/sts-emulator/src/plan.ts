import type { ErrorAnswer } from "./answer.js";

/**
 * A fault the emulator plays instead of answering one attempt:
 * - `throttle`: 400 `Throttling` "Rate exceeded", as STS throttles;
 * - `unavailable`: 503 `ServiceUnavailable`;
 * - `reset`: the connection is destroyed without an answer;
 * - `hang`: the request is never answered (the client's timeout must fire).
 */
export type Fault = "throttle" | "unavailable" | "reset" | "hang";

/** What the emulator does with the requests carrying one key (fault injection). */
export interface Plan {
  /** Played in order on the first attempts; later attempts get the answer. */
  faults?: Fault[];
  /** Answer with this output (wire member names) instead of the emulated or example one. */
  output?: Record<string, unknown>;
  /** Answer with this error instead of an output. */
  error?: ErrorAnswer;
  /** Shifts the emulator's clock for these requests (ms); 15 min ahead makes a client's signature stale. */
  clockSkewMs?: number;
}

/** 15 minutes: the clock shift of the `clock-skew` scenario, three times STS's 5-minute tolerance. */
export const CLOCK_SKEW_MS = 15 * 60 * 1000;

/**
 * Scenarios a raw client selects with the `x-lanyard-scenario` header (a browser page or curl),
 * keyed together with `x-lanyard-case` so attempts of one run are counted together.
 */
export const SCENARIOS: Readonly<Record<string, Plan>> = {
  "throttle-then-success": { faults: ["throttle"] },
  "unavailable-then-success": { faults: ["unavailable"] },
  "reset-then-success": { faults: ["reset"] },
  "timeout-then-success": { faults: ["hang"] },
  "clock-skew": { clockSkewMs: CLOCK_SKEW_MS },
};
