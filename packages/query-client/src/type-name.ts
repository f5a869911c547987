// Messages about a value of the wrong type name its type, never the value: a misplaced secret
// must not reach a log.

/** `an object`, `an array`, `a number`, `null`, `undefined`: a value's type, as an error message says it. */
export const typeName = (value: unknown): string =>
  value == null
    ? String(value)
    : Array.isArray(value)
      ? "an array"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`;
