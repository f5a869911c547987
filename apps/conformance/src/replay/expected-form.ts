import { shapeOf, stsModel } from "@lanyard/sts-emulator/model";

export type FormPairs = [string, string][];

function scalar(type: string, value: unknown): string {
  // Smithy awsQuery: timestamps default to date-time (ISO 8601), blobs to base64.
  if (type === "timestamp")
    return (value instanceof Date ? value : new Date(String(value))).toISOString().replace(".000Z", "Z");
  if (type === "blob") return Buffer.from(value as Uint8Array).toString("base64");
  return String(value);
}

function flatten(prefix: string, shapeName: string, value: unknown, out: FormPairs): void {
  const shape = shapeOf(shapeName);
  if (shape.type === "structure") {
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const v = (value as Record<string, unknown>)[name];
      if (v !== undefined && v !== null)
        flatten(`${prefix}.${member.locationName ?? name}`, member.shape, v, out);
    }
    return;
  }
  if (shape.type === "list") {
    const items = value as unknown[];
    // An empty list is still sent, as `Name=` (botocore tests/unit/protocols/input/query.json).
    if (items.length === 0) out.push([prefix, ""]);
    const name = shape.flattened ? "" : `.${shape.member?.locationName ?? "member"}`;
    items.forEach((item, i) => {
      flatten(`${prefix}${name}.${i + 1}`, shape.member!.shape, item, out);
    });
    return;
  }
  out.push([prefix, scalar(shape.type, value)]);
}

/**
 * The awsQuery form pairs an operation's input must serialize to, computed from the model alone
 * (independently of any client): `Action`, `Version`, then each member, structures as
 * `Name.Member`, lists as `Name.member.N`.
 */
export function expectedForm(operation: string, input: Record<string, unknown>): FormPairs {
  const model = stsModel();
  const op = model.operations[operation];
  if (!op) throw new Error(`Unknown operation "${operation}".`);
  const out: FormPairs = [
    ["Action", operation],
    ["Version", model.metadata.apiVersion],
  ];
  if (!op.input) return out;
  const shape = shapeOf(op.input.shape);
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const v = input[name];
    if (v !== undefined && v !== null) flatten(member.locationName ?? name, member.shape, v, out);
  }
  return out;
}

/** Differences between two form bodies compared as key/value sets (order is not significant). */
export function formDifferences(expected: FormPairs, actual: FormPairs): string[] {
  const want = new Map(expected);
  const got = new Map(actual);
  const problems: string[] = [];
  if (got.size !== actual.length) problems.push("a form key is sent more than once");
  for (const [key, value] of want) {
    if (!got.has(key)) problems.push(`missing ${key}`);
    else if (got.get(key) !== value)
      problems.push(`${key}=${JSON.stringify(got.get(key))}, expected ${JSON.stringify(value)}`);
  }
  for (const key of got.keys()) if (!want.has(key)) problems.push(`unexpected ${key}`);
  return problems;
}
