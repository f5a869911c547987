import type { ParseXmlOptions, XmlElement } from "./element.js";
import { malformed } from "./errors.js";
import { guardInput, tooDeep } from "./guard.js";

// Browsers report a well-formedness error by putting a <parsererror> element in one of these
// namespaces into the returned document instead of throwing (Chromium/WebKit use XHTML,
// Gecko its own); a document's own <parsererror> in another namespace is left alone.
const PARSER_ERROR_NAMESPACES = [
  "http://www.w3.org/1999/xhtml",
  "http://www.mozilla.org/newlayout/xml/parsererror.xml",
];

/**
 * Parses `text` with the platform `DOMParser` into the same tree the fast-xml-parser
 * backend builds. DOCTYPE/ENTITY declarations are refused before the platform parser runs,
 * so it never resolves or expands an entity beyond the predefined ones.
 */
export function parseXml(text: string, options?: ParseXmlOptions): XmlElement {
  const maxDepth = guardInput(text, options);
  if (typeof DOMParser !== "function") throw malformed("this platform has no DOMParser");
  const document = new DOMParser().parseFromString(text, "application/xml");
  for (const error of Array.from(document.getElementsByTagName("parsererror"))) {
    if (PARSER_ERROR_NAMESPACES.includes(error.namespaceURI ?? "")) {
      // Only the first line: Gecko goes on with the page's URL and the offending source line,
      // which may hold a token or a secret key.
      throw malformed(error.textContent?.trim().split("\n")[0]?.slice(0, 200) || "DOMParser rejected it");
    }
  }
  return toElement(document.documentElement, 1, maxDepth);
}

function toElement(node: Element, depth: number, maxDepth: number): XmlElement {
  if (depth > maxDepth) throw tooDeep(maxDepth);
  const element: XmlElement = { name: node.localName, attributes: {}, children: [], text: "" };
  for (const attribute of Array.from(node.attributes)) {
    if (attribute.name !== "xmlns" && attribute.prefix !== "xmlns") {
      element.attributes[attribute.localName] = attribute.value;
    }
  }
  // DOM node types: 1 element, 3 text, 4 CDATA section.
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 1) element.children.push(toElement(child as Element, depth + 1, maxDepth));
    else if (child.nodeType === 3 || child.nodeType === 4) element.text += child.nodeValue;
  }
  return element;
}
