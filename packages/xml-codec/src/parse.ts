import type { ParseXmlOptions, XmlElement } from "./element.js";
import { withinRuntimeLimits } from "./errors.js";
import { guardInput } from "./guard.js";
import { readXml } from "./reader.js";

/**
 * Parses `text` into an element tree with the codec's own reader (Node, workers and every
 * runtime without the `browser` condition). Refuses DOCTYPE/ENTITY declarations, unsupported
 * entities, malformed documents and documents over the size or depth limits.
 */
export function parseXml(text: string, options?: ParseXmlOptions): XmlElement {
  return withinRuntimeLimits(() => readXml(text, guardInput(text, options)));
}
