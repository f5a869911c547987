import type { HttpRequest } from "@lanyard/http";
import { type OperationModel, shapeOf } from "../model/load.js";

export type FormPairs = [string, string][];

// SigV4 query-string authentication (`X-Amz-Algorithm`, `X-Amz-Signature`, …) travels beside the
// parameters of a presigned GET; no STS parameter begins with `X-Amz-`.
const isAuthParam = (name: string): boolean => name.startsWith("X-Amz-");

/** The awsQuery parameters: a GET's query string (without presigning parameters), else the form body. */
export function readForm(request: HttpRequest): FormPairs {
  if (request.method === "GET") return [...request.url.searchParams].filter(([name]) => !isAuthParam(name));
  const body = request.body ?? "";
  return [...new URLSearchParams(typeof body === "string" ? body : Buffer.from(body).toString("utf8"))];
}

type Values = ReadonlyMap<string, string>;

function present(values: Values, key: string): boolean {
  if (values.has(key)) return true;
  for (const name of values.keys()) if (name.startsWith(`${key}.`)) return true;
  return false;
}

function decodeScalar(type: string, text: string): unknown {
  if ((type === "integer" || type === "long") && /^[+-]?\d+$/.test(text)) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  // Anything else stays text: a malformed number is reported by validation.
  return text;
}

function decodeList(shapeName: string, values: Values, key: string): unknown[] {
  const shape = shapeOf(shapeName);
  // An empty list is sent as `Name=` (botocore tests/unit/protocols/input/query.json).
  if (values.get(key) === "") return [];
  const item = shape.flattened ? key : `${key}.${shape.member?.locationName ?? "member"}`;
  const items: unknown[] = [];
  for (let n = 1; present(values, `${item}.${n}`); n++)
    items.push(decodeValue(shape.member!.shape, values, `${item}.${n}`));
  return items;
}

function decodeStructure(shapeName: string, values: Values, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shapeOf(shapeName).members ?? {})) {
    const key = `${prefix}${member.locationName ?? name}`;
    if (present(values, key)) out[name] = decodeValue(member.shape, values, key);
  }
  return out;
}

function decodeValue(shapeName: string, values: Values, key: string): unknown {
  const { type } = shapeOf(shapeName);
  if (type === "structure") return decodeStructure(shapeName, values, `${key}.`);
  if (type === "list") return decodeList(shapeName, values, key);
  return decodeScalar(type, values.get(key) ?? "");
}

/**
 * An operation's input from its awsQuery form, with the wire member names: the reverse of the
 * serialization (`Name.Member` for structures, `Name.member.N` for lists).
 */
export function decodeInput(operation: OperationModel, pairs: FormPairs): Record<string, unknown> {
  if (!operation.input) return {};
  return decodeStructure(operation.input.shape, new Map(pairs), "");
}
