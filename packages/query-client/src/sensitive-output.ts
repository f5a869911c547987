import type { Shape, ShapeMap } from "./model.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const REDACTED = "[redacted]";

/**
 * Gives every structure of a decoded output that holds a sensitive member (AssumeRole's
 * `Credentials`) a non-enumerable `util.inspect` hook showing `[redacted]` for it, so
 * `console.log(result)` never prints a secret key or session token. The members stay readable by
 * name. `JSON.stringify` is left alone: it is how a server hands the credentials it vended to its
 * caller (`res.json(Credentials)`), and a silent `[redacted]` there would lose them, as the SDKs'
 * plain objects never do.
 */
export function hideSensitive(shapes: ShapeMap, shape: Shape | undefined, value: unknown): void {
  if (shape === undefined || typeof value !== "object" || value === null) return;
  if (shape.type === "list" && Array.isArray(value)) {
    for (const item of value) hideSensitive(shapes, shapes[shape.member.shape], item);
  } else if (shape.type === "map") {
    for (const item of Object.values(value)) hideSensitive(shapes, shapes[shape.value.shape], item);
  } else if (shape.type === "structure") {
    const hidden: string[] = [];
    for (const [name, member] of Object.entries(shape.members)) {
      const memberShape = shapes[member.shape];
      if (memberShape?.sensitive) hidden.push(name);
      else hideSensitive(shapes, memberShape, (value as Record<string, unknown>)[name]);
    }
    if (hidden.length > 0) addRedactedView(value as Record<string, unknown>, hidden);
  }
}

function addRedactedView(record: Record<string, unknown>, hidden: readonly string[]): void {
  const view = () => {
    const copy: Record<string, unknown> = { ...record };
    for (const name of hidden) if (copy[name] !== undefined) copy[name] = REDACTED;
    return copy;
  };
  Object.defineProperty(record, INSPECT, { value: view, enumerable: false, configurable: true });
}
