/** One XML element, as produced by `parseXml` on every backend. */
export interface XmlElement {
  /** Local name: any namespace prefix is stripped. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA), entities decoded, untrimmed. */
  text: string;
}

/** Options shared by every `parseXml` backend. */
export interface ParseXmlOptions {
  /** Reject documents longer than this many UTF-8 bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Reject elements nested deeper than this (the root is depth 1). Default 64. */
  maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

/** The first child named `name`, if any. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The trimmed text of the first child named `name`, if there is one. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childNamed(element, name)?.text.trim();
}

/** Every child named `name`, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Sets `object[key]` as an own property, so that a key such as "__proto__" stays ordinary data. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else object[key] = value;
}
