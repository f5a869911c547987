import { randomUUID } from "node:crypto";
import { StsEmulatorError } from "./errors.js";
import type { AnswerMode } from "./pipeline.js";

export interface StsEmulatorOptions {
  /** Port of the HTTP/1.1 listener. Default 0: any free port. */
  port?: number;
  /** Host name or address every listener binds. Default `127.0.0.1`. */
  host?: string;
  /** Also serve HTTP/2 over TLS (certificate made at start-up) and h2c. Default false. */
  http2?: boolean;
  /** Port of the HTTP/2 over TLS listener. Default 0. */
  h2Port?: number;
  /** Port of the h2c (cleartext HTTP/2) listener. Default 0. */
  h2cPort?: number;
  /** The region requests must be signed for. Default `us-east-1`. */
  region?: string;
  /** Account of the test identity. Default `123456789012`. */
  account?: string;
  /**
   * `emulated` (default): issue and accept credentials, answer for the caller. `examples`: answer
   * every operation with its documented example output, as the conformance replay expects.
   */
  answers?: AnswerMode;
  /** The emulator's clock (ms since the epoch), for issuing, expiring and checking signatures. Default `Date.now`. */
  now?: () => number;
  /** Request ids. Default random UUIDs. */
  requestId?: () => string;
}

export type ResolvedOptions = Required<StsEmulatorOptions>;

const KNOWN = new Set([
  "port",
  "host",
  "http2",
  "h2Port",
  "h2cPort",
  "region",
  "account",
  "answers",
  "now",
  "requestId",
]);

function invalid(name: string, value: unknown, expected: string): StsEmulatorError {
  return new StsEmulatorError(
    "invalid-option",
    `Invalid ${name} ${JSON.stringify(value)}: expected ${expected}.`,
  );
}

function port(name: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 65535) return value;
  throw invalid(name, value, "an integer from 0 to 65535");
}

function matching(name: string, value: unknown, fallback: string, pattern: RegExp, expected: string): string {
  if (value === undefined) return fallback;
  if (typeof value === "string" && pattern.test(value)) return value;
  throw invalid(name, value, expected);
}

function fn<T>(name: string, value: unknown, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "function") return value as T;
  throw invalid(name, typeof value, "a function");
}

/** The options with their defaults; an unknown option or a bad value is an `invalid-option` error. */
export function resolveOptions(options: StsEmulatorOptions = {}): ResolvedOptions {
  for (const name of Object.keys(options)) {
    if (!KNOWN.has(name))
      throw new StsEmulatorError(
        "invalid-option",
        `Unknown option "${name}": expected one of ${[...KNOWN].join(", ")}.`,
      );
  }
  const { answers, http2 } = options;
  if (answers !== undefined && answers !== "emulated" && answers !== "examples")
    throw invalid("answers", answers, '"emulated" or "examples"');
  if (http2 !== undefined && typeof http2 !== "boolean") throw invalid("http2", http2, "a boolean");
  return {
    port: port("port", options.port),
    host: matching("host", options.host, "127.0.0.1", /^[\w.:-]+$/, "a host name or IP address"),
    http2: http2 ?? false,
    h2Port: port("h2Port", options.h2Port),
    h2cPort: port("h2cPort", options.h2cPort),
    region: matching(
      "region",
      options.region,
      "us-east-1",
      /^[a-z]{2}(-[a-z]+)+-\d+$/,
      "a region such as us-east-1",
    ),
    account: matching("account", options.account, "123456789012", /^\d{12}$/, "a 12-digit account ID"),
    answers: answers ?? "emulated",
    now: fn("now", options.now, Date.now),
    requestId: fn("requestId", options.requestId, randomUUID),
  };
}
