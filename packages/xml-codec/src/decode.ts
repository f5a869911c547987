import { childNamed, type XmlElement } from "./element.js";
import { XmlCodecError } from "./errors.js";
import { parseBlob, parseBoolean, parseFloatValue, parseInteger, parseTimestamp } from "./scalars.js";
import type { ListShape, MapShape, Shape, ShapeMap, ShapeRef, StructureShape } from "./shapes.js";

/**
 * Turns an element into the typed value its shape describes. Structures become plain
 * objects keyed by member name (absent members stay absent), lists arrays, maps plain
 * objects, timestamps `Date`, blobs `Uint8Array`. Serialization names follow botocore's
 * XML parser (`botocore/parsers.py`, `BaseXMLResponseParser`).
 */
export function decodeShape(
  element: XmlElement,
  ref: ShapeRef | string,
  shapes: ShapeMap,
  path = element.name,
): unknown {
  const shape = resolveShape(ref, shapes, path);
  switch (shape.type) {
    case "structure":
      return decodeStructure(element, shape, shapes, path);
    case "list":
      return decodeListItems(element.children, itemName(shape, "member"), shape, shapes, path);
    case "map":
      return decodeMapEntries(childrenOf(element, "entry"), shape, shapes, path);
    default:
      return decodeScalar(element.text, shape, path);
  }
}

export function resolveShape(ref: ShapeRef | string, shapes: ShapeMap, path: string): Shape {
  const name = typeof ref === "string" ? ref : ref.shape;
  const shape = Object.hasOwn(shapes, name) ? shapes[name] : undefined;
  if (shape === undefined) {
    throw new XmlCodecError("unknown-shape", `The model has no shape named "${name}"`, path);
  }
  return shape;
}

function decodeStructure(
  element: XmlElement,
  shape: StructureShape,
  shapes: ShapeMap,
  path: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [memberName, member] of Object.entries(shape.members ?? {})) {
    const value = decodeMember(element, memberName, member, shapes, `${path}.${memberName}`);
    if (value !== undefined) out[memberName] = value;
  }
  return out;
}

function decodeMember(
  parent: XmlElement,
  memberName: string,
  member: ShapeRef,
  shapes: ShapeMap,
  path: string,
): unknown {
  const shape = resolveShape(member, shapes, path);
  const name = member.locationName ?? memberName;
  if (member.xmlAttribute) {
    const value = parent.attributes[name];
    return value === undefined ? undefined : decodeScalar(value, shape, path);
  }
  // Flattened items repeat under the member's own name; the list member's name is not used
  // (Smithy XML bindings, "Flattened list serialization").
  if (shape.type === "list" && isFlattened(member, shape)) {
    const items = childrenOf(parent, name);
    return items.length === 0 ? undefined : decodeListItems(items, name, shape, shapes, path);
  }
  if (shape.type === "map" && isFlattened(member, shape)) {
    const entries = childrenOf(parent, name);
    return entries.length === 0 ? undefined : decodeMapEntries(entries, shape, shapes, path);
  }
  const child = childNamed(parent, name);
  return child === undefined ? undefined : decodeShape(child, member, shapes, path);
}

function isFlattened(member: ShapeRef, shape: ListShape | MapShape): boolean {
  return member.flattened === true || shape.flattened === true;
}

function itemName(shape: ListShape, fallback: string): string {
  return shape.member.locationName ?? fallback;
}

function childrenOf(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

function decodeListItems(
  items: XmlElement[],
  name: string,
  shape: ListShape,
  shapes: ShapeMap,
  path: string,
): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (item.name !== name) continue;
    out.push(decodeShape(item, shape.member, shapes, `${path}[${out.length}]`));
  }
  return out;
}

function decodeMapEntries(
  entries: XmlElement[],
  shape: MapShape,
  shapes: ShapeMap,
  path: string,
): Record<string, unknown> {
  const keyName = shape.key.locationName ?? "key";
  const valueName = shape.value.locationName ?? "value";
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const keyElement = childNamed(entry, keyName);
    if (keyElement === undefined) continue;
    const key = String(decodeShape(keyElement, shape.key, shapes, `${path}.${keyName}`));
    const valueElement = childNamed(entry, valueName);
    const value =
      valueElement === undefined
        ? undefined
        : decodeShape(valueElement, shape.value, shapes, `${path}[${JSON.stringify(key)}]`);
    // defineProperty keeps a key such as "__proto__" an ordinary own property.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Decodes character data by scalar type; exported so attributes and headers can share it. */
export function decodeScalar(text: string, shape: Shape, path: string): unknown {
  if (shape.sensitive !== true) return decodeScalarText(text, shape, path);
  try {
    return decodeScalarText(text, shape, path);
  } catch {
    // A model marks secrets `sensitive`; their text never goes into an error message.
    throw new XmlCodecError("invalid-value", `Expected a valid ${shape.type} (value redacted)`, path);
  }
}

function decodeScalarText(text: string, shape: Shape, path: string): unknown {
  switch (shape.type) {
    case "integer":
    case "long":
    case "short":
    case "byte":
    case "biginteger":
      return parseInteger(text, path);
    case "float":
    case "double":
    case "bigdecimal":
      return parseFloatValue(text, path);
    case "boolean":
      return parseBoolean(text, path);
    case "timestamp":
      return parseTimestamp(text, path);
    case "blob":
      return parseBlob(text, path);
    default:
      return text;
  }
}
