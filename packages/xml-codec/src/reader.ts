import { setOwn, type XmlElement } from "./element.js";
import { decodeEntities, referenceEnd } from "./entities.js";
import { malformedAt, type XmlCodecError } from "./errors.js";
import { tooDeep } from "./guard.js";
import { PrefixScope } from "./prefix-scope.js";
import { isNameCode, isNamed, isNameStartCode, ncNameEnd, sameName, xmlNameEnd } from "./xml-names.js";

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOTE = 34;
const AMP = 38;
const APOS = 39;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;

// XML 1.0 §2.2 Char: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF are never
// allowed. Lone surrogates are let through: a browser's DOMParser reads them as U+FFFD.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// XML 1.0 §2.8 XMLDecl: version, then optional encoding and standalone, in that order.
const XML_DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y;
const RESERVED_PI_TARGET = /^xml$/i;
// Attributes are checked for repeats pairwise up to this many on a tag, then with a set, so a
// hostile tag with thousands of them stays linear.
const MANY_ATTRIBUTES = 16;

/**
 * Reads `text` into its element tree, as strict as a browser's DOMParser: a `malformed` error
 * unless it is a well-formed XML 1.0 document with well-formed namespaces, apart from a DOCTYPE,
 * which `guardInput` has already refused. One forward scan with `indexOf` and `charCodeAt`, with
 * no per-character strings, and a stack instead of recursion. An element deeper than `maxDepth`
 * (`too-deep`) or an unsupported entity (`entity`) is reported only once the whole document is
 * known to be well formed, so a malformed document is always `malformed`.
 */
export function readXml(text: string, maxDepth: number): XmlElement {
  const forbidden = text.search(FORBIDDEN_CHAR);
  if (forbidden !== -1) {
    const code = text.charCodeAt(forbidden).toString(16).toUpperCase().padStart(4, "0");
    throw malformedAt(text, `character U+${code} is not allowed in XML`, forbidden);
  }
  return new Reader(text, maxDepth).document();
}

class Reader {
  readonly #text: string;
  readonly #maxDepth: number;
  readonly #prefixes: PrefixScope;
  /** Start and end of each open element's name, innermost last. */
  readonly #open: number[] = [];
  /** The open elements' trees, innermost last, while nothing has failed. */
  readonly #elements: XmlElement[] = [];
  #root: XmlElement | undefined;
  /** The first too-deep or entity error; nothing more is built once there is one. */
  #failure: unknown;
  /** Of each attribute of the current start tag: name start, colon (or -1), name end, value start, value end. */
  readonly #attributes: number[] = [];
  /** Start and end of the current start tag's name, and the colon of the last QName read. */
  #tagStart = 0;
  #tagEnd = 0;
  #colon = -1;
  /** The current tag's attribute names once it has MANY_ATTRIBUTES of them. */
  #manyAttributes: Set<string> | undefined;
  // The next "&" and "]]>" from the last character data checked on (text.length when none), so
  // each is searched for once however markup splits the text.
  #nextAmp = -1;
  #nextCdataEnd = -1;

  constructor(text: string, maxDepth: number) {
    this.#text = text;
    this.#maxDepth = maxDepth;
    this.#prefixes = new PrefixScope();
  }

  document(): XmlElement {
    const text = this.#text;
    let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (text.startsWith("<?xml", at) && !isNameCode(text.charCodeAt(at + 5))) {
      XML_DECLARATION.lastIndex = at;
      if (!XML_DECLARATION.test(text)) throw malformedAt(text, "invalid XML declaration", at);
      at = XML_DECLARATION.lastIndex;
    }
    at = this.#misc(at, "before");
    if (at === text.length) throw malformedAt(text, "no root element", at);
    at = this.#element(at);
    at = this.#misc(at, "after");
    if (at < text.length) throw malformedAt(text, "a second root element", at);
    if (this.#failure !== undefined) throw this.#failure;
    return this.#root as XmlElement;
  }

  /** Skips whitespace, comments and processing instructions outside the root element. */
  #misc(at: number, where: "before" | "after"): number {
    const text = this.#text;
    for (;;) {
      at = this.#space(at);
      if (at === text.length) return at;
      if (text.charCodeAt(at) !== LT) throw malformedAt(text, `text ${where} the root element`, at);
      const next = text.charCodeAt(at + 1);
      if (next === QUESTION) at = this.#processingInstruction(at);
      else if (next === BANG && text.startsWith("<!--", at)) at = this.#comment(at);
      else if (next === SLASH) throw this.#strayClosingTag(at);
      else if (next !== BANG) return at;
      else throw malformedAt(text, `markup declaration or CDATA ${where} the root element`, at);
    }
  }

  /** Reads the element at `at` through its end tag, with a stack instead of recursion. */
  #element(at: number): number {
    const text = this.#text;
    const open = this.#open;
    at = this.#startTag(at);
    while (open.length > 0) {
      at = this.#characterData(at);
      const next = text.charCodeAt(at + 1);
      if (next === SLASH) at = this.#endTag(at);
      else if (next === QUESTION) at = this.#processingInstruction(at);
      else if (next === BANG) at = this.#commentOrCdata(at);
      else at = this.#startTag(at);
    }
    return at;
  }

  #startTag(at: number): number {
    const text = this.#text;
    const open = this.#open;
    const nameStart = at + 1;
    const nameEnd = this.#qualifiedName(nameStart, "element");
    const colon = this.#colon;
    this.#tagStart = nameStart;
    this.#tagEnd = nameEnd;
    // Most tags have no attributes; setting an array's length is a runtime call even when 0.
    if (this.#attributes.length > 0) this.#attributes.length = 0;
    for (at = nameEnd; ; ) {
      const afterSpace = this.#space(at);
      const code = text.charCodeAt(afterSpace);
      const selfClosing = code === SLASH && text.charCodeAt(afterSpace + 1) === GT;
      if (code === GT || selfClosing) {
        if (colon !== -1) this.#checkPrefix(nameStart, colon, nameEnd);
        this.#checkAttributePrefixes();
        this.#build(colon === -1 ? nameStart : colon + 1, nameEnd, selfClosing);
        if (selfClosing) this.#prefixes.close(open.length / 2 + 1);
        else open.push(nameStart, nameEnd);
        return afterSpace + (selfClosing ? 2 : 1);
      }
      if (afterSpace === at) throw this.#badStartTag(at);
      at = this.#attribute(afterSpace);
    }
  }

  #badStartTag(at: number): XmlCodecError {
    const text = this.#text;
    const tag = `<${slice(text, this.#tagStart, this.#tagEnd)}>`;
    if (at === text.length) return malformedAt(text, `unterminated start tag ${tag}`, at);
    if (isNameStartCode(text.charCodeAt(at))) {
      return malformedAt(text, `attributes of ${tag} are not separated by whitespace`, at);
    }
    return malformedAt(text, `unexpected character in start tag ${tag}`, at);
  }

  // XML 1.0 §3.1: Name Eq AttValue, each name once per tag; "<" never in the value.
  #attribute(at: number): number {
    const text = this.#text;
    const attributes = this.#attributes;
    const nameEnd = this.#qualifiedName(at, "attribute");
    const colon = this.#colon;
    if (this.#isRepeated(at, nameEnd)) throw this.#badAttribute(at, nameEnd, "is repeated", at);
    let cursor = this.#space(nameEnd);
    if (text.charCodeAt(cursor) !== EQ) throw this.#badAttribute(at, nameEnd, "has no value", cursor);
    cursor = this.#space(cursor + 1);
    const quote = text.charCodeAt(cursor);
    if (quote !== QUOTE && quote !== APOS) {
      throw this.#badAttribute(at, nameEnd, "has no quoted value", cursor);
    }
    const end = text.indexOf(quote === QUOTE ? '"' : "'", cursor + 1);
    if (end === -1) throw this.#badAttribute(at, nameEnd, "has an unterminated value", cursor);
    for (let i = cursor + 1; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === LT) throw this.#badAttribute(at, nameEnd, 'has "<" in its value', i);
      if (code === AMP) i = this.#reference(i) - 1;
    }
    attributes.push(at, colon, nameEnd, cursor + 1, end);
    if (colon !== -1 && isNamed(text, at, colon, "xmlns")) {
      // Namespaces in XML §3 and §5: a prefix cannot be undeclared, nor xmlns declared.
      if (end === cursor + 1 || isNamed(text, colon + 1, nameEnd, "xmlns")) {
        throw malformedAt(text, `invalid namespace declaration ${slice(text, at, nameEnd)}`, at);
      }
      this.#prefixes.declare(text.slice(colon + 1, nameEnd), this.#open.length / 2 + 1);
    }
    return end + 1;
  }

  #isRepeated(at: number, nameEnd: number): boolean {
    const text = this.#text;
    const attributes = this.#attributes;
    const count = attributes.length / 5;
    if (count < MANY_ATTRIBUTES) {
      for (let i = 0; i < attributes.length; i += 5) {
        if (sameName(text, attributes[i]!, attributes[i + 2]!, at, nameEnd)) return true;
      }
      return false;
    }
    if (count === MANY_ATTRIBUTES) {
      this.#manyAttributes = new Set();
      for (let i = 0; i < attributes.length; i += 5) {
        this.#manyAttributes.add(text.slice(attributes[i], attributes[i + 2]));
      }
    }
    const seen = this.#manyAttributes!;
    const name = text.slice(at, nameEnd);
    if (seen.has(name)) return true;
    seen.add(name);
    return false;
  }

  #badAttribute(at: number, nameEnd: number, problem: string, errorAt: number): XmlCodecError {
    const text = this.#text;
    const tag = slice(text, this.#tagStart, this.#tagEnd);
    return malformedAt(text, `attribute ${slice(text, at, nameEnd)} of <${tag}> ${problem}`, errorAt);
  }

  #endTag(at: number): number {
    const text = this.#text;
    const open = this.#open;
    const nameStart = at + 2;
    const nameEnd = this.#qualifiedName(nameStart, "element");
    const close = this.#space(nameEnd);
    if (text.charCodeAt(close) !== GT) {
      throw malformedAt(
        text,
        `closing tag </${slice(text, nameStart, nameEnd)}> is not closed by ">"`,
        close,
      );
    }
    const openEnd = open.pop()!;
    const openStart = open.pop()!;
    if (!sameName(text, openStart, openEnd, nameStart, nameEnd)) {
      const closing = slice(text, nameStart, nameEnd);
      throw malformedAt(
        text,
        `closing tag </${closing}> does not match <${slice(text, openStart, openEnd)}>`,
        at,
      );
    }
    this.#prefixes.close(open.length / 2 + 1);
    if (this.#failure === undefined) this.#elements.pop();
    return close + 1;
  }

  /** Checks the text up to the next "<": well-formed references and no "]]>" (XML 1.0 §2.4). */
  #characterData(at: number): number {
    const text = this.#text;
    const open = this.#open;
    const lt = text.indexOf("<", at);
    if (lt === -1) {
      const name = slice(text, open[open.length - 2]!, open[open.length - 1]!);
      throw malformedAt(text, `element <${name}> is not closed`, text.length);
    }
    if (this.#nextAmp < at) this.#nextAmp = find(text, "&", at);
    while (this.#nextAmp < lt) this.#nextAmp = find(text, "&", this.#reference(this.#nextAmp));
    if (this.#nextCdataEnd < at) this.#nextCdataEnd = find(text, "]]>", at);
    if (this.#nextCdataEnd < lt) throw malformedAt(text, '"]]>" in character data', this.#nextCdataEnd);
    if (lt > at) this.#addText(at, lt, true);
    return lt;
  }

  #reference(at: number): number {
    const end = referenceEnd(this.#text, at);
    if (end === -1) throw malformedAt(this.#text, '"&" not followed by an entity or character reference', at);
    return end;
  }

  #commentOrCdata(at: number): number {
    const text = this.#text;
    if (text.startsWith("<!--", at)) return this.#comment(at);
    if (!text.startsWith("<![CDATA[", at)) {
      throw malformedAt(text, "markup declaration inside an element", at);
    }
    const end = text.indexOf("]]>", at + 9);
    if (end === -1) throw malformedAt(text, "unterminated CDATA section", at);
    this.#addText(at + 9, end, false);
    return end + 3;
  }

  // XML 1.0 §2.5: "--" only as part of the closing "-->".
  #comment(at: number): number {
    const text = this.#text;
    const dashes = text.indexOf("--", at + 4);
    if (dashes === -1) throw malformedAt(text, "unterminated comment", at);
    if (text.charCodeAt(dashes + 2) !== GT) throw malformedAt(text, '"--" inside a comment', dashes);
    return dashes + 3;
  }

  // XML 1.0 §2.6: a target other than "xml", then whitespace and anything up to "?>". A colon
  // in the target (Namespaces in XML §7) is let through, as Chromium's DOMParser does.
  #processingInstruction(at: number): number {
    const text = this.#text;
    const targetEnd = xmlNameEnd(text, at + 2);
    if (targetEnd === at + 2) throw malformedAt(text, "invalid processing instruction target", at + 2);
    if (targetEnd - at === 5 && RESERVED_PI_TARGET.test(text.slice(at + 2, targetEnd))) {
      throw malformedAt(text, "XML declaration is only allowed at the very start of the document", at);
    }
    const end = text.indexOf("?>", targetEnd);
    if (end === -1) throw malformedAt(text, "unterminated processing instruction", at);
    if (end !== targetEnd && this.#space(targetEnd) === targetEnd) {
      throw malformedAt(text, "processing instruction target is not followed by whitespace", targetEnd);
    }
    return end + 2;
  }

  /** Reads a QName (Namespaces in XML §4: NCName, or NCName ":" NCName), noting its colon. */
  #qualifiedName(at: number, what: string): number {
    const text = this.#text;
    let end = ncNameEnd(text, at);
    this.#colon = -1;
    if (end > at && text.charCodeAt(end) === COLON) {
      this.#colon = end;
      end = ncNameEnd(text, end + 1);
      if (end === this.#colon + 1 || text.charCodeAt(end) === COLON) end = at;
    }
    if (end === at) throw malformedAt(text, `invalid ${what} name`, at);
    return end;
  }

  #checkAttributePrefixes(): void {
    const text = this.#text;
    const attributes = this.#attributes;
    for (let i = 0; i < attributes.length; i += 5) {
      const start = attributes[i]!;
      const colon = attributes[i + 1]!;
      if (colon !== -1 && !isNamed(text, start, colon, "xmlns")) {
        this.#checkPrefix(start, colon, attributes[i + 2]!);
      }
    }
  }

  #checkPrefix(start: number, colon: number, end: number): void {
    if (!this.#prefixes.isBound(this.#text.slice(start, colon))) {
      throw malformedAt(
        this.#text,
        `namespace prefix of ${slice(this.#text, start, end)} is not declared`,
        start,
      );
    }
  }

  /** Adds the element whose tag has just been read, with its attributes, to the tree. */
  #build(nameStart: number, nameEnd: number, selfClosing: boolean): void {
    const elements = this.#elements;
    if (this.#failure !== undefined) return;
    if (elements.length >= this.#maxDepth) {
      this.#failure = tooDeep(this.#maxDepth);
      return;
    }
    const element: XmlElement = {
      name: this.#text.slice(nameStart, nameEnd),
      attributes: this.#attributeValues(),
      children: [],
      text: "",
    };
    const parent = elements[elements.length - 1];
    if (parent === undefined) this.#root = element;
    else parent.children.push(element);
    if (!selfClosing) elements.push(element);
  }

  /** The current tag's attributes by local name; namespace declarations are not attributes. */
  #attributeValues(): Record<string, string> {
    const text = this.#text;
    const attributes = this.#attributes;
    const values: Record<string, string> = {};
    for (let i = 0; i < attributes.length; i += 5) {
      const start = attributes[i]!;
      const colon = attributes[i + 1]!;
      const end = attributes[i + 2]!;
      if (isNamed(text, start, colon === -1 ? end : colon, "xmlns")) continue;
      const name = text.slice(colon === -1 ? start : colon + 1, end);
      setOwn(values, name, this.#decoded(attributes[i + 3]!, attributes[i + 4]!, true));
    }
    return values;
  }

  /** Appends character data (`references`) or CDATA to the innermost open element's text. */
  #addText(start: number, end: number, references: boolean): void {
    const element = this.#elements[this.#elements.length - 1];
    if (this.#failure === undefined) (element as XmlElement).text += this.#decoded(start, end, references);
  }

  /**
   * text[start, end) with line ends normalized (XML 1.0 §2.11) and, outside CDATA, references
   * decoded; an unsupported reference is the failure to report once the scan is done.
   */
  #decoded(start: number, end: number, references: boolean): string {
    let value = this.#text.slice(start, end);
    if (value.includes("\r")) value = value.replace(/\r\n?/g, "\n");
    if (!references) return value;
    try {
      return decodeEntities(value);
    } catch (error) {
      this.#failure ??= error;
      return value;
    }
  }

  #space(at: number): number {
    const text = this.#text;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code !== SPACE && code !== LF && code !== TAB && code !== CR) return at;
      at++;
    }
  }

  #strayClosingTag(at: number): XmlCodecError {
    const name = slice(this.#text, at + 2, xmlNameEnd(this.#text, at + 2));
    return malformedAt(this.#text, `closing tag </${name}> has no start tag`, at);
  }
}

function find(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

// Only names go into messages, never text or attribute values, which may hold credentials.
function slice(text: string, start: number, end: number): string {
  return end - start > 40 ? `${text.slice(start, start + 40)}…` : text.slice(start, end);
}
