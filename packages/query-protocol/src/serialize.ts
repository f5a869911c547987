import type { ListShape, MapShape, Shape, ShapeMap, StructureShape } from "@lanyard/xml-codec";
import { percentEncode } from "./encode.js";
import { invalidInput } from "./errors.js";
import { findOperation, type ServiceModel } from "./model.js";
import { formatScalar } from "./scalars.js";

/** The Content-Type of every awsQuery request body. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

export interface SerializeOptions {
  /** Makes the value of an absent `idempotencyToken` member. Default `crypto.randomUUID()`. */
  idempotencyToken?: () => string;
}

type Pairs = Array<[string, string]>;

interface Context {
  shapes: ShapeMap;
  pairs: Pairs;
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
  ctx.pairs.push(["Action", operationName], ["Version", model.metadata.apiVersion]);
  if (operation.input !== undefined) {
    const shape = shapeOf(operation.input.shape, ctx.shapes, operationName);
    if (shape.type !== "structure") {
      throw invalidInput(operationName, `the input shape must be a structure, got ${shape.type}`);
    }
    writeStructure(input ?? {}, shape, "", ctx, operationName);
  }
  return ctx.pairs.map(([key, value]) => `${encode(key, key)}=${encode(value, key)}`).join("&");
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
      ctx.pairs.push([prefix, formatScalar(value, shape, path)]);
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
    if (value === undefined && member.idempotencyToken) value = newToken(ctx);
    if (value === undefined || value === null) continue;
    const memberShape = shapeOf(member.shape, ctx.shapes, path);
    const key = `${prefix}${member.locationName ?? memberName}`;
    const flattened = member.flattened === true;
    const target = flattened ? { ...memberShape, flattened: true } : memberShape;
    writeValue(value, target as Shape, key, ctx, `${path}.${memberName}`);
  }
}

function writeList(value: unknown, shape: ListShape, prefix: string, ctx: Context, path: string) {
  if (!Array.isArray(value)) throw invalidInput(path, `expected an array, got ${typeof value}`);
  // An empty list is sent as the bare key so the service can tell it from an absent one.
  if (value.length === 0) {
    ctx.pairs.push([prefix, ""]);
    return;
  }
  const memberShape = shapeOf(shape.member.shape, ctx.shapes, path);
  // Flattened lists repeat the member's own name (Smithy awsQuery, "List serialization").
  const base = shape.flattened ? prefix : `${prefix}.${shape.member.locationName ?? "member"}`;
  value.forEach((item, index) => {
    writeValue(item, memberShape, `${base}.${index + 1}`, ctx, `${path}[${index}]`);
  });
}

function writeMap(
  value: Record<string, unknown>,
  shape: MapShape,
  prefix: string,
  ctx: Context,
  path: string,
): void {
  const keyName = shape.key.locationName ?? "key";
  const valueName = shape.value.locationName ?? "value";
  const base = shape.flattened ? prefix : `${prefix}.entry`;
  const valueShape = shapeOf(shape.value.shape, ctx.shapes, path);
  Object.keys(value).forEach((key, index) => {
    const entry = `${base}.${index + 1}`;
    ctx.pairs.push([`${entry}.${keyName}`, key]);
    writeValue(value[key], valueShape, `${entry}.${valueName}`, ctx, `${path}[${key}]`);
  });
}

function shapeOf(name: string, shapes: ShapeMap, path: string): Shape {
  const shape = Object.hasOwn(shapes, name) ? shapes[name] : undefined;
  if (shape === undefined) throw invalidInput(path, `the model has no shape named "${name}"`);
  return shape;
}

function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidInput(path, `expected an object, got ${Array.isArray(value) ? "array" : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function newToken(ctx: Context): string {
  return ctx.options?.idempotencyToken?.() ?? globalThis.crypto.randomUUID();
}

function encode(text: string, key: string): string {
  try {
    return percentEncode(text);
  } catch {
    throw invalidInput(key, "the value contains an unpaired UTF-16 surrogate");
  }
}
