import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ParseXmlOptions, XmlElement } from "./element.js";
import { decodeEntities } from "./entities.js";
import { malformed } from "./errors.js";
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

/**
 * Parses `text` into an element tree with fast-xml-parser. Refuses DOCTYPE/ENTITY
 * declarations, unsupported entities and documents over the size or depth limits.
 */
export function parseXml(text: string, options?: ParseXmlOptions): XmlElement {
  const maxDepth = guardInput(text, options);
  const nodes = parseOrdered(text, maxDepth);
  let root: XmlElement | undefined;
  for (const node of nodes) {
    const name = elementName(node);
    if (name === undefined) continue;
    if (root !== undefined) throw malformed("more than one root element");
    root = toElement(node, name, 1, maxDepth);
  }
  if (root === undefined) throw malformed("no root element");
  return root;
}

function parseOrdered(text: string, maxDepth: number): OrderedNode[] {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw malformed(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  try {
    const parser = new XMLParser({ ...PARSER_OPTIONS, maxNestedTags: maxDepth + 1 });
    return parser.parse(text) as OrderedNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nest/i.test(message)) throw tooDeep(maxDepth);
    throw malformed(message);
  }
}

function elementName(node: OrderedNode): string | undefined {
  for (const key in node) {
    if (key !== ":@" && key !== "#text" && key !== "#cdata") return key;
  }
  return undefined;
}

function toElement(node: OrderedNode, name: string, depth: number, maxDepth: number): XmlElement {
  if (depth > maxDepth) throw tooDeep(maxDepth);
  const element: XmlElement = { name, attributes: toAttributes(node[":@"]), children: [], text: "" };
  const content = node[name] as OrderedNode[];
  for (const child of content) {
    if ("#text" in child) element.text += decodeEntities(String(child["#text"]));
    else if ("#cdata" in child) element.text += cdataText(child["#cdata"]);
    else {
      const childName = elementName(child);
      if (childName !== undefined) element.children.push(toElement(child, childName, depth + 1, maxDepth));
    }
  }
  return element;
}

function toAttributes(raw: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (raw === undefined || raw === null) return attributes;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    attributes[key] = decodeEntities(String(value));
  }
  return attributes;
}

function cdataText(raw: unknown): string {
  let text = "";
  for (const part of raw as OrderedNode[]) text += String(part["#text"] ?? "");
  return text;
}
