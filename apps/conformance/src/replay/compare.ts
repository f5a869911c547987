import { shapeOf, stsModel } from "@lanyard/sts-emulator/model";

/** Converts a documented output to what a client must return: timestamps as Date, numbers as numbers. */
export function typedValue(shapeName: string, value: unknown): unknown {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const v = (value as Record<string, unknown>)[name];
        if (v !== undefined) out[name] = typedValue(member.shape, v);
      }
      return out;
    }
    case "list":
      return (value as unknown[]).map((item) => typedValue(shape.member!.shape, item));
    case "timestamp":
      return new Date(String(value));
    case "integer":
    case "long":
      return Number(value);
    default:
      return value;
  }
}

/** The documented output of `operation`, typed as a client returns it. */
export function expectedOutput(operation: string, output: Record<string, unknown>): Record<string, unknown> {
  const shape = stsModel().operations[operation]?.output?.shape;
  return shape ? (typedValue(shape, output) as Record<string, unknown>) : {};
}

function describe(value: unknown): string {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** Paths where `actual` differs from `expected` (Dates compared by instant); empty when equal. */
export function differences(expected: unknown, actual: unknown, path = "$"): string[] {
  if (expected instanceof Date) {
    return actual instanceof Date && actual.getTime() === expected.getTime()
      ? []
      : [`${path}: got ${describe(actual)}, expected ${describe(expected)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: got ${describe(actual)}, expected ${describe(expected)}`];
    }
    return expected.flatMap((item, i) => differences(item, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null)
      return [`${path}: got ${describe(actual)}, expected an object`];
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].flatMap((key) => differences(e[key], a[key], `${path}.${key}`));
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: got ${describe(actual)}, expected ${describe(expected)}`];
}
