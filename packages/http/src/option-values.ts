// A transport's numeric options, checked when it is made. Node's timers turn a delay they cannot
// hold (Infinity, anything past 2^31 - 1 ms) into 1 ms and a negative or NaN one into "at once", so
// `requestTimeoutMs: Infinity` meant to disable the deadline would fail every request at once; a
// NaN limit disables a body limit; a negative pool size hangs every request. Each fails where it
// is set instead, naming the option and what it takes.

/** The longest delay `setTimeout` keeps (a signed 32-bit millisecond count). */
export const MAX_TIMER_MS = 2_147_483_647;

const got = (value: unknown) => (typeof value === "number" ? String(value) : `a ${typeof value}`);

/** Throws a `RangeError` unless `value` is undefined or a whole number of milliseconds a timer can hold. */
export function checkMilliseconds(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value === "number" && value >= 1 && value <= MAX_TIMER_MS) return;
  throw new RangeError(
    `${name} must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${got(value)}`,
  );
}

/** Throws a `RangeError` unless `value` is undefined, a whole number of at least 1, or (when allowed) Infinity. */
export function checkCount(name: string, value: unknown, unlimited = false): void {
  if (value === undefined) return;
  if (Number.isInteger(value) && (value as number) >= 1) return;
  if (unlimited && value === Number.POSITIVE_INFINITY) return;
  const expected = unlimited ? "a whole number of at least 1, or Infinity" : "a whole number of at least 1";
  throw new RangeError(`${name} must be ${expected}, got ${got(value)}`);
}

/**
 * Throws a `TypeError` naming `owner`'s options unless `value` is undefined or an object. A
 * default parameter value does not replace `null`, so `new …Transport(null)` used to fail on the
 * first option read, with a message that named neither the argument nor what it takes.
 */
export function checkOptions(owner: string, value: unknown): void {
  if (value === undefined || (typeof value === "object" && value !== null)) return;
  throw new TypeError(
    `${owner} options must be an object (or omitted), got ${value === null ? "null" : `a ${typeof value}`}`,
  );
}
