import {
  formatScalar,
  type ListShape,
  type MapShape,
  resolveShape,
  type Shape,
  type ShapeMap,
  type StructureShape,
  XmlCodecError,
} from "@lanyard/xml-codec";
import { percentEncode } from "./encode.js";
import { invalidInput, QueryProtocolError } from "./errors.js";
import { findOperation, type ServiceModel } from "./model.js";

/** The Content-Type of every awsQuery request body. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

export interface SerializeOptions {
  /** Makes the value of an absent `idempotencyToken` member. Default `crypto.randomUUID()`. */
  idempotencyToken?: () => string;
}

interface Context {
  shapes: ShapeMap;
  /** Encoded `key=value` pairs, in order. */
  pairs: string[];
  options: SerializeOptions | undefined;
}

/**
 * Serializes an operation's input as an awsQuery form body: `Action`, `Version`, then the
 * members in model order, following botocore's `QuerySerializer` (`botocore/serialize.py`).
 */
export function serialize(
  operationName: string,
  input: Record<string, unknown> | undefined,
  model: ServiceModel,
  options?: SerializeOptions,
): string {
  const operation = findOperation(model, operationName);
  const ctx: Context = { shapes: model.shapes, pairs: [], options };
  add(ctx, "Action", operationName);
  add(ctx, "Version", model.metadata.apiVersion);
  if (operation.input !== undefined) {
    try {
      const shape = resolveShape(operation.input, ctx.shapes, operationName) as StructureShape;
      writeStructure(input ?? {}, shape, "", ctx, operationName);
    } catch (error) {
      // Shape lookups and scalar formatting come from the XML codec; its message names the path.
      if (!(error instanceof XmlCodecError)) throw error;
      throw new QueryProtocolError("invalid-input", `Cannot serialize ${operationName}: ${error.message}`, {
        cause: error,
      });
    }
  }
  return ctx.pairs.join("&");
}

function writeValue(value: unknown, shape: Shape, prefix: string, ctx: Context, path: string) {
  switch (shape.type) {
    case "structure":
      return writeStructure(asRecord(value, path), shape, `${prefix}.`, ctx, path);
    case "list":
      return writeList(value, shape, prefix, ctx, path);
    case "map":
      return writeMap(asRecord(value, path), shape, prefix, ctx, path);
    default:
      add(ctx, prefix, formatScalar(value, shape, path));
  }
}

function writeStructure(
  input: Record<string, unknown>,
  shape: StructureShape,
  prefix: string,
  ctx: Context,
  path: string,
): void {
  for (const [memberName, member] of Object.entries(shape.members ?? {})) {
    let value = Object.hasOwn(input, memberName) ? input[memberName] : undefined;
    if (value === undefined && member.idempotencyToken) {
      value = ctx.options?.idempotencyToken?.() ?? globalThis.crypto.randomUUID();
    }
    if (value === undefined || value === null) continue;
    const memberPath = `${path}.${memberName}`;
    const memberShape = resolveShape(member, ctx.shapes, memberPath);
    // A member-level `flattened` trait applies to the list or map it points at.
    const target = member.flattened ? { ...memberShape, flattened: true } : memberShape;
    writeValue(value, target as Shape, `${prefix}${member.locationName ?? memberName}`, ctx, memberPath);
  }
}

function writeList(value: unknown, shape: ListShape, prefix: string, ctx: Context, path: string) {
  if (!Array.isArray(value)) throw invalidInput(path, `expected an array, got ${typeof value}`);
  // An empty list is sent as the bare key so the service can tell it from an absent one.
  if (value.length === 0) return add(ctx, prefix, "");
  const memberShape = resolveShape(shape.member, ctx.shapes, path);
  // Flattened lists repeat the member's own name (Smithy awsQuery, "List serialization").
  const base = shape.flattened ? prefix : `${prefix}.${shape.member.locationName ?? "member"}`;
  value.forEach((item, index) => {
    writeValue(item, memberShape, `${base}.${index + 1}`, ctx, `${path}[${index}]`);
  });
}

function writeMap(value: Record<string, unknown>, shape: MapShape, prefix: string, ctx: Context, path: string) {
  const base = shape.flattened ? prefix : `${prefix}.entry`;
  const valueShape = resolveShape(shape.value, ctx.shapes, path);
  Object.keys(value).forEach((key, index) => {
    const entry = `${base}.${index + 1}`;
    add(ctx, `${entry}.${shape.key.locationName ?? "key"}`, key);
    writeValue(value[key], valueShape, `${entry}.${shape.value.locationName ?? "value"}`, ctx, `${path}[${key}]`);
  });
}

function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidInput(path, `expected an object, got ${Array.isArray(value) ? "array" : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function add(ctx: Context, key: string, value: string): void {
  try {
    ctx.pairs.push(`${percentEncode(key)}=${percentEncode(value)}`);
  } catch {
    throw invalidInput(key, "the value contains an unpaired UTF-16 surrogate");
  }
}
