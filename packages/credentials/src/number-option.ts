import { CredentialsError } from "./errors.js";

export interface NumberOptionRule {
  /** The provider or function the option belongs to, as messages name it (`fromContainer`). */
  source: string;
  /** The option's name (`timeoutMs`). */
  name: string;
  min: number;
  /** Counts (attempts, retries) must be whole; durations may have fractions. */
  whole?: boolean;
  /** Whether a chain should go on past the error (instance metadata's failures all do). */
  tryNext?: boolean;
}

/**
 * A numeric option (a timeout, a count of attempts, a refresh window), or `fallback` when it is
 * not given. Unchecked, a string or NaN reaches a timer or a loop bound and turns, without any
 * error, into an instant timeout, no attempt at all, or a refetch on every call.
 */
export function numberOption(value: unknown, fallback: number, rule: NumberOptionRule): number {
  if (value === undefined || value === null) return fallback;
  const valid =
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= rule.min &&
    (!rule.whole || Number.isInteger(value));
  if (!valid) {
    const kind = rule.whole ? "a whole number" : "a finite number";
    throw new CredentialsError(
      "invalid-config",
      `${rule.source}: the ${rule.name} option must be ${kind} of at least ${rule.min}`,
      { tryNext: rule.tryNext ?? false },
    );
  }
  return value;
}
