import { type ParseXmlOptions, setOwn, type XmlElement } from "./element.js";
import { malformed, withinRuntimeLimits } from "./errors.js";
import { guardInput, tooDeep } from "./guard.js";

// Browsers report a well-formedness error by putting a <parsererror> element in one of these
// namespaces into the returned document instead of throwing (Chromium/WebKit use XHTML,
// Gecko its own); a document's own <parsererror> in another namespace is left alone.
const PARSER_ERROR_NAMESPACES = [
  "http://www.w3.org/1999/xhtml",
  "http://www.mozilla.org/newlayout/xml/parsererror.xml",
];

/**
 * Parses `text` with the platform `DOMParser` into the same tree xml-codec's own reader
 * builds elsewhere. DOCTYPE/ENTITY declarations are refused before the platform parser runs,
 * so it never resolves or expands an entity beyond the predefined ones.
 */
export function parseXml(text: string, options?: ParseXmlOptions): XmlElement {
  return withinRuntimeLimits(() => parseChecked(text, options));
}

function parseChecked(text: string, options: ParseXmlOptions | undefined): XmlElement {
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
  return toTree(document.documentElement, maxDepth);
}

/** An element whose DOM children are still being converted; `next` is the next one to read. */
interface OpenElement {
  element: XmlElement;
  next: ChildNode | null;
}

// A loop over an explicit stack rather than recursion, so a document nested as deeply as
// `maxDepth` allows (which may be Infinity) cannot exhaust the call stack.
function toTree(root: Element, maxDepth: number): XmlElement {
  if (maxDepth < 1) throw tooDeep(maxDepth);
  const top = openElement(root);
  const open: OpenElement[] = [top];
  while (open.length > 0) {
    const parent = open[open.length - 1] as OpenElement;
    const child = parent.next;
    if (child === null) {
      open.pop();
      continue;
    }
    parent.next = child.nextSibling;
    // DOM node types: 1 element, 3 text, 4 CDATA section.
    if (child.nodeType === 1) {
      if (open.length >= maxDepth) throw tooDeep(maxDepth);
      const opened = openElement(child as Element);
      parent.element.children.push(opened.element);
      open.push(opened);
    } else if (child.nodeType === 3 || child.nodeType === 4) parent.element.text += child.nodeValue;
  }
  return top.element;
}

function openElement(node: Element): OpenElement {
  const element: XmlElement = { name: node.localName, attributes: {}, children: [], text: "" };
  for (const attribute of Array.from(node.attributes)) {
    if (attribute.name !== "xmlns" && attribute.prefix !== "xmlns") {
      setOwn(element.attributes, attribute.localName, attribute.value);
    }
  }
  return { element, next: node.firstChild };
}
