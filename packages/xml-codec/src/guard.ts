import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type ParseXmlOptions } from "./element.js";
import { malformed, XmlCodecError } from "./errors.js";

// A DOCTYPE is the only way to declare entities or point at external ones, so refusing it
// outright stops XXE and "billion laughs" before any parser sees the text. AWS query
// responses never carry one.
const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

/** Checks type, size and declarations before either parser backend runs; returns `maxDepth`. */
export function guardInput(text: string, options: ParseXmlOptions = {}): number {
  const { maxBytes = DEFAULT_MAX_BYTES, maxDepth = DEFAULT_MAX_DEPTH } = options;
  if (typeof text !== "string") throw malformed(`expected a string, got ${typeof text}`);
  // UTF-8 is never shorter than the UTF-16 length, so bytes are only counted when three
  // bytes per code unit could cross the limit.
  if (
    text.length > maxBytes ||
    (text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes)
  ) {
    throw new XmlCodecError("too-large", `XML is larger than maxBytes (${maxBytes})`);
  }
  if (DECLARATION.test(text)) {
    throw new XmlCodecError(
      "doctype",
      "XML with a DOCTYPE or ENTITY declaration is refused (entity expansion, XXE)",
    );
  }
  return maxDepth;
}

export function tooDeep(maxDepth: number): XmlCodecError {
  return new XmlCodecError("too-deep", `XML nests deeper than maxDepth (${maxDepth})`);
}
