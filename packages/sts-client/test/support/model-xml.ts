// Test-side codecs written independently of query-protocol: model-driven XML for outputs and
// flattened awsQuery form keys for inputs, used to check round trips.
import { escapeXml } from "./sts-server.js";

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
}
export type Shapes = Record<string, Shape>;

export function toXml(value: unknown, shapeName: string, shapes: Shapes): string {
  const shape = shapes[shapeName]!;
  if (shape.type === "structure") {
    const record = value as Record<string, unknown>;
    return Object.entries(shape.members ?? {})
      .filter(([name]) => record[name] !== undefined)
      .map(([name, ref]) => `<${name}>${toXml(record[name], ref.shape, shapes)}</${name}>`)
      .join("");
  }
  if (shape.type === "list") {
    return (value as unknown[])
      .map((item) => `<member>${toXml(item, shape.member!.shape, shapes)}</member>`)
      .join("");
  }
  return escapeXml(String(value));
}

/** The documented output as the client should return it: timestamps as Date, numbers as numbers. */
export function typedOutput(value: unknown, shapeName: string, shapes: Shapes): unknown {
  const shape = shapes[shapeName]!;
  if (shape.type === "structure") {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (record[name] !== undefined) out[name] = typedOutput(record[name], ref.shape, shapes);
    }
    return out;
  }
  if (shape.type === "list")
    return (value as unknown[]).map((item) => typedOutput(item, shape.member!.shape, shapes));
  if (shape.type === "timestamp") return new Date(String(value));
  return value;
}

/** awsQuery form keys: `A.B` for structures, `A.member.N` for lists, `A=` for an empty list. */
export function flattenQuery(
  value: unknown,
  shapeName: string,
  shapes: Shapes,
  prefix = "",
): [string, string][] {
  const shape = shapes[shapeName]!;
  if (shape.type === "structure") {
    const record = value as Record<string, unknown>;
    return Object.entries(shape.members ?? {})
      .filter(([name]) => record[name] !== undefined)
      .flatMap(([name, ref]) =>
        flattenQuery(record[name], ref.shape, shapes, prefix ? `${prefix}.${name}` : name),
      );
  }
  if (shape.type === "list") {
    const items = value as unknown[];
    if (items.length === 0) return [[prefix, ""]];
    return items.flatMap((item, i) =>
      flattenQuery(item, shape.member!.shape, shapes, `${prefix}.member.${i + 1}`),
    );
  }
  if (value instanceof Date) return [[prefix, value.toISOString()]];
  return [[prefix, String(value)]];
}
