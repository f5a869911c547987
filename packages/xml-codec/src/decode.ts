import { childNamed, childrenNamed, setOwn, type XmlElement } from "./element.js";
import { withinRuntimeLimits, XmlCodecError } from "./errors.js";
import { decodeScalar } from "./scalars.js";
import type { ListShape, MapShape, Shape, ShapeMap, ShapeRef } from "./shapes.js";

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

/**
 * Decodes depth first, in document order, like a recursive descent would, but a structure, list
 * or map is made empty and filled by steps queued on an explicit stack: a recursive model (a
 * structure that contains itself) decodes an element tree as deep as `parseXml`'s `maxDepth`
 * allows, which may be Infinity, without exhausting the call stack.
 */
class Decoder {
  readonly #shapes: ShapeMap;
  readonly #steps: Array<() => void> = [];

  constructor(shapes: ShapeMap) {
    this.#shapes = shapes;
  }

  decode(element: XmlElement, ref: ShapeRef | string, path: string): unknown {
    const steps = this.#steps;
    const depth = steps.length;
    const value = this.#value(element, ref, path);
    while (steps.length > depth) (steps.pop() as () => void)();
    return value;
  }

  /** Queues `step` for each item, to run in order once the step that queued them returns. */
  #fill<T>(items: T[], step: (item: T, index: number) => void): void {
    for (let index = items.length - 1; index >= 0; index--) {
      this.#steps.push(() => step(items[index] as T, index));
    }
  }

  #value(element: XmlElement, ref: ShapeRef | string, path: string): unknown {
    const shape = resolveShape(ref, this.#shapes, path);
    switch (shape.type) {
      case "structure": {
        const out: Record<string, unknown> = {};
        this.#fill(Object.entries(shape.members ?? {}), ([name, member]) => {
          const value = this.#member(element, name, member, `${path}.${name}`);
          if (value !== undefined) out[name] = value;
        });
        return out;
      }
      case "list":
        return this.#list(childrenNamed(element, shape.member.locationName ?? "member"), shape, path);
      case "map":
        return this.#map(childrenNamed(element, "entry"), shape, path);
      default:
        return decodeScalar(element.text, shape, path);
    }
  }

  #member(parent: XmlElement, memberName: string, member: ShapeRef, path: string): unknown {
    const shape = resolveShape(member, this.#shapes, path);
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
      return shape.type === "list" ? this.#list(items, shape, path) : this.#map(items, shape, path);
    }
    const child = childNamed(parent, name);
    return child === undefined ? undefined : this.#value(child, member, path);
  }

  #list(items: XmlElement[], shape: ListShape, path: string): unknown[] {
    const out: unknown[] = [];
    this.#fill(items, (item, index) => out.push(this.#value(item, shape.member, `${path}[${index}]`)));
    return out;
  }

  #map(entries: XmlElement[], shape: MapShape, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keyName = shape.key.locationName ?? "key";
    const valueName = shape.value.locationName ?? "value";
    this.#fill(entries, (entry) => {
      const keyElement = childNamed(entry, keyName);
      if (keyElement === undefined) return;
      // The key is needed whole before its value's path can be named; models key maps by strings
      // (Smithy: a map's key targets a string shape), so this inner decode stays shallow.
      const key = String(this.decode(keyElement, shape.key, `${path}.${keyName}`));
      const valueElement = childNamed(entry, valueName);
      const valuePath = `${path}[${JSON.stringify(key)}]`;
      setOwn(out, key, valueElement && this.#value(valueElement, shape.value, valuePath));
    });
    return out;
  }
}
