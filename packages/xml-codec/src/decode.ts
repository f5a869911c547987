import { childNamed, childrenNamed, type XmlElement } from "./element.js";
import { XmlCodecError } from "./errors.js";
import { decodeScalar } from "./scalars.js";
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
      return decodeList(childrenNamed(element, shape.member.locationName ?? "member"), shape, shapes, path);
    case "map":
      return decodeMap(childrenNamed(element, "entry"), shape, shapes, path);
    default:
      return decodeScalar(element.text, shape, path);
  }
}

/** The shape `ref` names; throws `unknown-shape` when the model does not define it. */
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
  if ((shape.type === "list" || shape.type === "map") && (member.flattened || shape.flattened)) {
    const items = childrenNamed(parent, name);
    if (items.length === 0) return undefined;
    return shape.type === "list"
      ? decodeList(items, shape, shapes, path)
      : decodeMap(items, shape, shapes, path);
  }
  const child = childNamed(parent, name);
  return child === undefined ? undefined : decodeShape(child, member, shapes, path);
}

function decodeList(items: XmlElement[], shape: ListShape, shapes: ShapeMap, path: string): unknown[] {
  return items.map((item, index) => decodeShape(item, shape.member, shapes, `${path}[${index}]`));
}

function decodeMap(entries: XmlElement[], shape: MapShape, shapes: ShapeMap, path: string): unknown {
  const keyName = shape.key.locationName ?? "key";
  const valueName = shape.value.locationName ?? "value";
  const pairs: Array<[string, unknown]> = [];
  for (const entry of entries) {
    const keyElement = childNamed(entry, keyName);
    if (keyElement === undefined) continue;
    const key = String(decodeShape(keyElement, shape.key, shapes, `${path}.${keyName}`));
    const valueElement = childNamed(entry, valueName);
    const valuePath = `${path}[${JSON.stringify(key)}]`;
    pairs.push([key, valueElement && decodeShape(valueElement, shape.value, shapes, valuePath)]);
  }
  // fromEntries defines own data properties, so a key such as "__proto__" stays an ordinary one.
  return Object.fromEntries(pairs);
}
