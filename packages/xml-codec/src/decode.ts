import { childNamed, childrenNamed, setOwn, type XmlElement } from "./element.js";
import { withinRuntimeLimits, XmlCodecError } from "./errors.js";
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
  return withinRuntimeLimits(() => new Decoder(shapes).decode(element, ref, path));
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

/** A structure, list or map made but not yet filled; `step` decodes its next member. */
interface Filling {
  /** Decodes the next member, item or entry; false once there is none left. */
  step(decoder: Decoder): boolean;
}

/**
 * Decodes depth first, in document order, like a recursive descent would, but keeps the
 * containers still being filled on an explicit stack: a recursive model (a structure that
 * contains itself) decodes an element tree as deep as `parseXml`'s `maxDepth` allows, which
 * may be Infinity, without exhausting the call stack.
 */
class Decoder {
  readonly shapes: ShapeMap;
  readonly #filling: Filling[] = [];

  constructor(shapes: ShapeMap) {
    this.shapes = shapes;
  }

  decode(element: XmlElement, ref: ShapeRef | string, path: string): unknown {
    const filling = this.#filling;
    const depth = filling.length;
    const value = this.value(element, ref, path);
    while (filling.length > depth) {
      if (!(filling[filling.length - 1] as Filling).step(this)) filling.pop();
    }
    return value;
  }

  /** A scalar at once; a container empty, to be filled once the caller's step returns. */
  value(element: XmlElement, ref: ShapeRef | string, path: string): unknown {
    const shape = resolveShape(ref, this.shapes, path);
    switch (shape.type) {
      case "structure":
        return this.#fill(new StructureFilling(element, shape, path)).out;
      case "list":
        return this.list(childrenNamed(element, shape.member.locationName ?? "member"), shape, path);
      case "map":
        return this.map(childrenNamed(element, "entry"), shape, path);
      default:
        return decodeScalar(element.text, shape, path);
    }
  }

  list(items: XmlElement[], shape: ListShape, path: string): unknown[] {
    return this.#fill(new ListFilling(items, shape, path)).out;
  }

  map(entries: XmlElement[], shape: MapShape, path: string): Record<string, unknown> {
    return this.#fill(new MapFilling(entries, shape, path)).out;
  }

  #fill<T extends Filling>(filling: T): T {
    this.#filling.push(filling);
    return filling;
  }
}

class StructureFilling implements Filling {
  readonly out: Record<string, unknown> = {};
  readonly #element: XmlElement;
  readonly #members: Array<[string, ShapeRef]>;
  readonly #path: string;
  #next = 0;

  constructor(element: XmlElement, shape: StructureShape, path: string) {
    this.#element = element;
    this.#members = Object.entries(shape.members ?? {});
    this.#path = path;
  }

  step(decoder: Decoder): boolean {
    const entry = this.#members[this.#next++];
    if (entry === undefined) return false;
    const [memberName, member] = entry;
    const value = decodeMember(decoder, this.#element, memberName, member, `${this.#path}.${memberName}`);
    if (value !== undefined) this.out[memberName] = value;
    return true;
  }
}

function decodeMember(
  decoder: Decoder,
  parent: XmlElement,
  memberName: string,
  member: ShapeRef,
  path: string,
): unknown {
  const shape = resolveShape(member, decoder.shapes, path);
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
    return shape.type === "list" ? decoder.list(items, shape, path) : decoder.map(items, shape, path);
  }
  const child = childNamed(parent, name);
  return child === undefined ? undefined : decoder.value(child, member, path);
}

class ListFilling implements Filling {
  readonly out: unknown[] = [];
  readonly #items: XmlElement[];
  readonly #member: ShapeRef;
  readonly #path: string;

  constructor(items: XmlElement[], shape: ListShape, path: string) {
    this.#items = items;
    this.#member = shape.member;
    this.#path = path;
  }

  step(decoder: Decoder): boolean {
    const index = this.out.length;
    const item = this.#items[index];
    if (item === undefined) return false;
    this.out.push(decoder.value(item, this.#member, `${this.#path}[${index}]`));
    return true;
  }
}

class MapFilling implements Filling {
  readonly out: Record<string, unknown> = {};
  readonly #entries: XmlElement[];
  readonly #shape: MapShape;
  readonly #path: string;
  readonly #keyName: string;
  readonly #valueName: string;
  #next = 0;

  constructor(entries: XmlElement[], shape: MapShape, path: string) {
    this.#entries = entries;
    this.#shape = shape;
    this.#path = path;
    this.#keyName = shape.key.locationName ?? "key";
    this.#valueName = shape.value.locationName ?? "value";
  }

  step(decoder: Decoder): boolean {
    const entry = this.#entries[this.#next++];
    if (entry === undefined) return false;
    const keyElement = childNamed(entry, this.#keyName);
    if (keyElement === undefined) return true;
    // The key is needed whole before its value's path can be named; models key maps by strings
    // (Smithy: a map's key targets a string shape), so this inner decode stays shallow.
    const key = String(decoder.decode(keyElement, this.#shape.key, `${this.#path}.${this.#keyName}`));
    const valueElement = childNamed(entry, this.#valueName);
    const valuePath = `${this.#path}[${JSON.stringify(key)}]`;
    const value = valueElement && decoder.value(valueElement, this.#shape.value, valuePath);
    setOwn(this.out, key, value);
    return true;
  }
}
