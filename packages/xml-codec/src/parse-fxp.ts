// `#fast-xml-parser` (package.json "imports") is fast-xml-parser itself, or on Node its one-file
// CommonJS build (fast-xml-parser.cts), which loads several times faster than its ES modules.
import { XMLParser } from "#fast-xml-parser";
import { prevalidate } from "#prevalidate";
import type { ParseXmlOptions, XmlElement } from "./element.js";
import { decodeEntities } from "./entities.js";
import { malformed, runtimeLimitError, withinRuntimeLimits } from "./errors.js";
import { guardInput, tooDeep } from "./guard.js";

// Ordered output keeps repeated siblings and mixed content exactly as written; values stay
// strings (no number/boolean coercion, whitespace kept) and entities are decoded by us so
// only the five predefined ones and character references are ever honoured.
const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "#cdata",
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Path strings for callbacks we do not use cost about a third of the parse time.
  jPath: false,
} as const;

type OrderedNode = Record<string, unknown>;

// Building an XMLParser resolves its options each time (~10% of a small response's parse); one
// parser serves every call, as parse() keeps no state between documents. Keyed by depth limit,
// the only per-call option: almost every caller uses the default.
let cached: { maxDepth: number; parser: XMLParser } | undefined;

function parserFor(maxDepth: number): XMLParser {
  if (cached?.maxDepth !== maxDepth) {
    cached = { maxDepth, parser: new XMLParser({ ...PARSER_OPTIONS, maxNestedTags: maxDepth + 1 }) };
  }
  return cached.parser;
}

/**
 * Parses `text` into an element tree with fast-xml-parser. Refuses DOCTYPE/ENTITY
 * declarations, unsupported entities and documents over the size or depth limits.
 */
export function parseXml(text: string, options?: ParseXmlOptions): XmlElement {
  return withinRuntimeLimits(() => parseChecked(text, options));
}

function parseChecked(text: string, options: ParseXmlOptions | undefined): XmlElement {
  const maxDepth = guardInput(text, options);
  // fast-xml-parser's parser alone accepts malformed input such as mismatched tags, so the text
  // is validated first: on Node by our own scan, elsewhere by fast-xml-parser's validator.
  const validated = prevalidate(text);
  let nodes: OrderedNode[];
  try {
    nodes = parserFor(maxDepth).parse(text, !validated);
  } catch (error) {
    const message = (error as Error).message;
    throw (
      runtimeLimitError(error) ??
      (message === "Maximum nested tags exceeded" ? tooDeep(maxDepth) : malformed(message))
    );
  }
  const roots = nodes.filter((node) => elementName(node) !== undefined);
  if (roots.length !== 1) throw malformed(`expected one root element, found ${roots.length}`);
  return toTree(roots[0] as OrderedNode, maxDepth);
}

function elementName(node: OrderedNode): string | undefined {
  for (const key in node) if (key !== ":@" && key !== "#text" && key !== "#cdata") return key;
  return undefined;
}

/** An element whose fast-xml-parser children are still being converted. */
interface OpenElement {
  element: XmlElement;
  children: OrderedNode[];
  next: number;
}

// A loop over an explicit stack rather than recursion, so a document nested as deeply as
// `maxDepth` allows (which may be Infinity) cannot exhaust the call stack.
function toTree(root: OrderedNode, maxDepth: number): XmlElement {
  if (maxDepth < 1) throw tooDeep(maxDepth);
  const top = openElement(root, elementName(root) as string);
  const open: OpenElement[] = [top];
  while (open.length > 0) {
    const parent = open[open.length - 1] as OpenElement;
    if (parent.next === parent.children.length) {
      open.pop();
      continue;
    }
    const child = parent.children[parent.next++] as OrderedNode;
    const childName = elementName(child);
    if (childName !== undefined) {
      if (open.length >= maxDepth) throw tooDeep(maxDepth);
      const opened = openElement(child, childName);
      parent.element.children.push(opened.element);
      open.push(opened);
    } else if ("#text" in child) parent.element.text += decodeEntities(String(child["#text"]));
    // CDATA is kept verbatim: fast-xml-parser wraps its text as [{ "#text": … }].
    else if ("#cdata" in child)
      parent.element.text += (child["#cdata"] as OrderedNode[]).map((part) => part["#text"] ?? "").join("");
  }
  return top.element;
}

function openElement(node: OrderedNode, name: string): OpenElement {
  const element: XmlElement = { name, attributes: {}, children: [], text: "" };
  for (const [key, value] of Object.entries(node[":@"] ?? {})) {
    element.attributes[key] = decodeEntities(String(value));
  }
  return { element, children: node[name] as OrderedNode[], next: 0 };
}
