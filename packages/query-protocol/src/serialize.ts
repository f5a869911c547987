import { percentEncode } from "@lanyard/http";
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
  token: () => string;
}

/**
 * Serializes an operation's input as an awsQuery form body: `Action`, `Version`, then the
 * members in model order, following botocore's `QuerySerializer` (`botocore/serialize.py`).
 * An error names the form key the bad value was bound for, such as `Tags.member.1.Key`.
 */
export function serialize(
  operationName: string,
  input: Record<string, unknown> | undefined,
  model: ServiceModel,
  options?: SerializeOptions,
): string {
  const operation = findOperation(model, operationName);
  const token = () => options?.idempotencyToken?.() ?? globalThis.crypto.randomUUID();
  const ctx: Context = { shapes: model.shapes, pairs: [], token };
  add(ctx, "Action", operationName);
  add(ctx, "Version", model.metadata.apiVersion);
  try {
    if (operation.input !== undefined) {
      // botocore models always give an operation a structure input.
      const shape = resolveShape(operation.input, ctx.shapes, operationName) as StructureShape;
      writeStructure(input ?? {}, shape, "", ctx);
    }
  } catch (error) {
    // Shape lookups and scalar formatting are the XML codec's; report them as input errors.
    if (!(error instanceof XmlCodecError)) throw error;
    const message = `Cannot serialize ${operationName} input: ${error.message}`;
    throw new QueryProtocolError("invalid-input", message, { cause: error });
  }
  return ctx.pairs.join("&");
}

function writeValue(value: unknown, shape: Shape, key: string, ctx: Context) {
  switch (shape.type) {
    case "structure":
      return writeStructure(asRecord(value, key), shape, `${key}.`, ctx);
    case "list":
      return writeList(value, shape, key, ctx);
    case "map":
      return writeMap(asRecord(value, key), shape, key, ctx);
    default:
      add(ctx, key, formatScalar(value, shape, key));
  }
}

function writeStructure(input: Record<string, unknown>, shape: StructureShape, prefix: string, ctx: Context) {
  for (const [memberName, member] of Object.entries(shape.members ?? {})) {
    let value = Object.hasOwn(input, memberName) ? input[memberName] : undefined;
    if (value === undefined && member.idempotencyToken) value = ctx.token();
    if (value === undefined || value === null) continue;
    const key = `${prefix}${member.locationName ?? memberName}`;
    const memberShape = resolveShape(member, ctx.shapes, key);
    // A member-level `flattened` trait applies to the list or map it points at.
    writeValue(
      value,
      member.flattened ? ({ ...memberShape, flattened: true } as Shape) : memberShape,
      key,
      ctx,
    );
  }
}

function writeList(value: unknown, shape: ListShape, key: string, ctx: Context) {
  if (!Array.isArray(value)) throw invalidInput(key, `expected an array, got ${typeof value}`);
  // An empty list is sent as the bare key so the service can tell it from an absent one.
  if (value.length === 0) add(ctx, key, "");
  const memberShape = resolveShape(shape.member, ctx.shapes, key);
  // Flattened lists repeat the member's own name (Smithy awsQuery, "List serialization").
  const base = shape.flattened ? key : `${key}.${shape.member.locationName ?? "member"}`;
  value.forEach((item, index) => {
    writeValue(item, memberShape, `${base}.${index + 1}`, ctx);
  });
}

function writeMap(value: Record<string, unknown>, shape: MapShape, key: string, ctx: Context) {
  const base = shape.flattened ? key : `${key}.entry`;
  const valueShape = resolveShape(shape.value, ctx.shapes, key);
  Object.keys(value).forEach((name, index) => {
    const entry = `${base}.${index + 1}.`;
    add(ctx, entry + (shape.key.locationName ?? "key"), name);
    writeValue(value[name], valueShape, entry + (shape.value.locationName ?? "value"), ctx);
  });
}

function asRecord(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidInput(key, `expected an object, got ${Array.isArray(value) ? "array" : typeof value}`);
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
