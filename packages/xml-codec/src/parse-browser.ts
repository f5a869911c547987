import type { ParseXmlOptions, XmlElement } from "./element.js";
import { XmlCodecError } from "./errors.js";
import { guardInput, type Limits, resolveLimits, tooDeep } from "./guard.js";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

// Browsers report a well-formedness error by putting a <parsererror> element in one of these
// namespaces into the returned document instead of throwing (Chromium/WebKit use XHTML,
// Gecko its own); a document's own <parsererror> in another namespace is left alone.
const PARSER_ERROR_NAMESPACES = new Set([
  "http://www.w3.org/1999/xhtml",
  "http://www.mozilla.org/newlayout/xml/parsererror.xml",
]);

/**
 * Parses `text` with the platform `DOMParser` into the same tree the fast-xml-parser
 * backend builds. DOCTYPE/ENTITY declarations are refused before the platform parser runs,
 * so it never resolves or expands an entity beyond the predefined ones.
 */
export function parseXml(text: string, options?: ParseXmlOptions): XmlElement {
  const limits = resolveLimits(options);
  guardInput(text, limits);
  if (typeof DOMParser !== "function") {
    throw new XmlCodecError("malformed", "This platform has no DOMParser; use the default export condition");
  }
  const document = new DOMParser().parseFromString(text, "application/xml");
  const errors = document.getElementsByTagName("parsererror");
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i];
    if (error !== undefined && PARSER_ERROR_NAMESPACES.has(error.namespaceURI ?? "")) {
      const detail = (error.textContent ?? "").trim().slice(0, 200);
      throw new XmlCodecError("malformed", `Malformed XML: ${detail || "the platform parser rejected it"}`);
    }
  }
  const root = document.documentElement;
  if (root === null) throw new XmlCodecError("malformed", "Malformed XML: no root element");
  return toElement(root, 1, limits);
}

function toElement(node: Element, depth: number, limits: Limits): XmlElement {
  if (depth > limits.maxDepth) throw tooDeep(limits);
  const element: XmlElement = { name: node.localName, attributes: {}, children: [], text: "" };
  for (let i = 0; i < node.attributes.length; i++) {
    const attribute = node.attributes[i];
    if (attribute === undefined || attribute.name === "xmlns" || attribute.prefix === "xmlns") continue;
    element.attributes[attribute.localName] = attribute.value;
  }
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      element.children.push(toElement(child as Element, depth + 1, limits));
    } else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      element.text += child.nodeValue ?? "";
    }
  }
  return element;
}
