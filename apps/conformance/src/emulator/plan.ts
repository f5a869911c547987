/**
 * A fault the emulator plays instead of answering one attempt:
 * - `throttle`: 400 `Throttling` "Rate exceeded", as STS throttles;
 * - `unavailable`: 503 `ServiceUnavailable`;
 * - `reset`: the connection is destroyed without an answer;
 * - `hang`: the request is never answered (the client's timeout must fire).
 */
export type Fault = "throttle" | "unavailable" | "reset" | "hang";

/** An error answer: the awsQuery `<ErrorResponse>` with this status, code and message. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  type?: "Sender" | "Receiver";
}

/** What the emulator does with the requests carrying one case key. */
export interface Plan {
  /** Played in order on the first attempts; later attempts get the answer. */
  faults?: Fault[];
  /** The output to answer with (wire member names); default: the operation's first example. */
  output?: Record<string, unknown>;
  /** Answer with this error instead of an output. */
  error?: ErrorAnswer;
  /** Shifts the emulator's clock for these requests (ms); 15 min ahead makes a client's signature stale. */
  clockSkewMs?: number;
}

const SKEW_MS = 15 * 60 * 1000;

/**
 * Scenarios a raw client selects with the `x-lanyard-scenario` header (a browser page or curl),
 * keyed together with `x-lanyard-case` so attempts of one run are counted together.
 */
export const SCENARIOS: Record<string, Plan> = {
  "throttle-then-success": { faults: ["throttle"] },
  "unavailable-then-success": { faults: ["unavailable"] },
  "reset-then-success": { faults: ["reset"] },
  "timeout-then-success": { faults: ["hang"] },
  "clock-skew": { clockSkewMs: SKEW_MS },
};

export const CLOCK_SKEW_MS = SKEW_MS;
