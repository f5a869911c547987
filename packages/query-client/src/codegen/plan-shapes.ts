import {
  errorCode,
  isErrorShape,
  type MemberJson,
  type ServiceModelJson,
  type ShapeJson,
} from "./model-json.js";
import { literal, propertyKey } from "./source.js";

// Which shapes each operation's model slice holds, and under what names. Every operation
// carries its own slice (so a bundle of one operation holds only its shapes); a shape used by
// several slices is one exported constant they share.

/** Shape keys the runtime reads; documentation and other metadata are dropped. */
const SHAPE_KEYS = [
  "type",
  "required",
  "members",
  "member",
  "key",
  "value",
  "flattened",
  "locationName",
  "min",
  "max",
  "pattern",
  "timestampFormat",
  "sensitive",
  "error",
  "exception",
];
const MEMBER_KEYS = [
  "shape",
  "locationName",
  "flattened",
  "xmlNamespace",
  "xmlAttribute",
  "idempotencyToken",
];
/** Members every awsQuery error envelope carries; an error shape with only these needs no decoding. */
const ENVELOPE_MEMBERS = new Set(["message", "Message", "Code", "Type"]);

/**
 * Botocore patterns are written for Java regexes; JavaScript needs `u` for `\p{…}`, where an
 * escaped `:` is a syntax error and code points above U+FFFF are spelled `\u{…}`.
 */
export function jsPattern(pattern: string): string {
  return pattern.replace(/\\:/g, ":").replace(/\\u([0-9A-Fa-f]{5,6})/g, "\\u{$1}");
}

function pick<T extends object>(source: T, keys: string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<T>;
}

type Form = "input" | "response";

/**
 * The shape as a slice holds it. Input constraints are checked before a request is sent and
 * mean nothing to a response, so a shape reached from outputs and errors keeps only what the
 * decoder reads. Error shapes keep only `error.code`: the runtime matches on it alone.
 */
function trimmed(name: string, shape: ShapeJson, form: Form, rename: (target: string) => string): ShapeJson {
  const out = pick(shape, SHAPE_KEYS) as ShapeJson;
  if (out.pattern !== undefined) out.pattern = jsPattern(out.pattern);
  if (isErrorShape(shape)) out.error = { code: errorCode(name, shape) };
  if (form === "response") {
    delete out.required;
    delete out.min;
    delete out.max;
    delete out.pattern;
  }
  const ref = (member: MemberJson): MemberJson => ({
    ...pick(member, MEMBER_KEYS),
    shape: rename(member.shape),
  });
  if (out.members) {
    out.members = Object.fromEntries(
      Object.entries(out.members).map(([member, target]) => [member, ref(target)]),
    );
  }
  if (out.member) out.member = ref(out.member);
  if (out.key) out.key = ref(out.key);
  if (out.value) out.value = ref(out.value);
  return out;
}

const plainRef = (ref: MemberJson | undefined) =>
  ref !== undefined && Object.keys(ref).every((k) => k === "shape");
const onlyKeys = (shape: ShapeJson, keys: string[]) => Object.keys(shape).every((k) => keys.includes(k));

/**
 * The shape as source: a call to the runtime's compact constructors (`structure`, `list`, `map`)
 * where it can express the shape, else the botocore object itself.
 */
export function shapeSource(shape: ShapeJson): string {
  const members = Object.entries(shape.members ?? {});
  if (
    shape.type === "structure" &&
    onlyKeys(shape, ["type", "required", "members", "error", "exception"]) &&
    members.every(([, ref]) => plainRef(ref))
  ) {
    const fields = members.map(([member, ref]) => `${propertyKey(member)}: ${JSON.stringify(ref.shape)}`);
    const options = literal({ required: shape.required, errorCode: shape.error?.code });
    return `structure({ ${fields.join(", ")} }${options === "{}" ? "" : `, ${options}`})`;
  }
  if (shape.type === "list" && onlyKeys(shape, ["type", "member", "min", "max"]) && plainRef(shape.member)) {
    const bounds = literal({ min: shape.min, max: shape.max });
    return `list(${JSON.stringify(shape.member?.shape)}${bounds === "{}" ? "" : `, ${bounds}`})`;
  }
  if (
    shape.type === "map" &&
    onlyKeys(shape, ["type", "key", "value"]) &&
    plainRef(shape.key) &&
    plainRef(shape.value)
  ) {
    return `map(${JSON.stringify(shape.key?.shape)}, ${JSON.stringify(shape.value?.shape)})`;
  }
  return literal(shape);
}

function references(shape: ShapeJson): string[] {
  const refs = Object.values(shape.members ?? {}).map((ref) => ref.shape);
  for (const ref of [shape.member, shape.key, shape.value]) if (ref) refs.push(ref.shape);
  return refs;
}

/** Every shape reachable from the roots, in first-seen order. */
function reachable(shapes: Record<string, ShapeJson>, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...references(shapes[name] as ShapeJson));
  }
  return [...seen];
}

/** An error shape whose fields are worth decoding: it has members beyond the envelope's. */
function hasFields(shape: ShapeJson): boolean {
  return Object.keys(shape.members ?? {}).some((member) => !ENVELOPE_MEMBERS.has(member));
}

export interface OperationSlice {
  input: string | undefined;
  output: string | undefined;
  /** Slice names of every shape the operation reaches. */
  shapes: string[];
}

export interface ShapePlan {
  /** Slice name → source of its constant, for every shape some slice uses. */
  constants: Map<string, string>;
  slices: Record<string, OperationSlice>;
}

/**
 * Names every shape in both forms and merges identical ones under one name: the first in model
 * order, or the type for a scalar without constraints (`string`, `integer`, `string_sensitive`).
 * Names are still botocore shape names, `_response` marks the response form of an input shape,
 * and member references point at the merged names.
 */
export function planShapes(model: ServiceModelJson): ShapePlan {
  const inputShapes = new Set<string>();
  for (const op of Object.values(model.operations)) {
    if (op.input) for (const name of reachable(model.shapes, [op.input.shape])) inputShapes.add(name);
  }
  const byKey = new Map<string, string>(); // canonical JSON → slice name
  const sources = new Map<string, string>(); // slice name → source
  const refsOf = new Map<string, string[]>(); // slice name → slice names it references
  const memo = new Map<string, string>();
  const nameFor = (name: string, form: Form): string => {
    const id = `${form}:${name}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, name); // provisional, in case a shape reaches itself
    const refs: string[] = [];
    const shape = trimmed(name, model.shapes[name] as ShapeJson, form, (target) => {
      const renamed = nameFor(target, form);
      refs.push(renamed);
      return renamed;
    });
    const key = JSON.stringify(shape);
    let sliceName = byKey.get(key);
    if (sliceName === undefined) {
      sliceName = uniqueName(preferredName(name, shape, form, inputShapes), sources);
      byKey.set(key, sliceName);
      sources.set(sliceName, shapeSource(shape));
      refsOf.set(sliceName, refs);
    }
    memo.set(id, sliceName);
    return sliceName;
  };
  // Name every shape in model order first, so names and order do not depend on the operations.
  for (const name of Object.keys(model.shapes)) nameFor(name, inputShapes.has(name) ? "input" : "response");
  const slices: Record<string, OperationSlice> = {};
  const used = new Set<string>();
  for (const [opName, op] of Object.entries(model.operations)) {
    const input = op.input && nameFor(op.input.shape, "input");
    const output = op.output && nameFor(op.output.shape, "response");
    const errors = (op.errors ?? [])
      .filter((error) => hasFields(model.shapes[error.shape] as ShapeJson))
      .map((error) => nameFor(error.shape, "response"));
    const shapes = reachableSlices([input, output, ...errors], refsOf);
    for (const name of shapes) used.add(name);
    slices[opName] = { input, output, shapes };
  }
  const constants = new Map([...sources].filter(([name]) => used.has(name)));
  return { constants, slices };
}

function preferredName(name: string, shape: ShapeJson, form: Form, inputShapes: Set<string>): string {
  if (onlyKeys(shape, ["type", "sensitive"]) && !["structure", "list", "map"].includes(shape.type)) {
    return shape.sensitive ? `${shape.type}_sensitive` : shape.type;
  }
  return form === "response" && inputShapes.has(name) ? `${name}_response` : name;
}

function uniqueName(name: string, taken: Map<string, string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
  return candidate;
}

function reachableSlices(roots: (string | undefined)[], refsOf: Map<string, string[]>): string[] {
  const seen = new Set<string>();
  const queue = roots.filter((root): root is string => root !== undefined);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(refsOf.get(name) ?? []));
  }
  return [...seen];
}
