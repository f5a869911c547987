import { XmlCodecError } from "./errors.js";
import { xmlNameEnd } from "./xml-names.js";

// XML 1.0 §4.6: the only predefined entities.
const PREDEFINED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  apos: "'",
  quot: '"',
};

const REFERENCE = /&([^&;]*);|&/g;

/** Decodes the five predefined entities and numeric character references; anything else is an error. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (match, body: string | undefined) => {
    if (body === undefined) throw entityError(match);
    const named = PREDEFINED[body];
    if (named !== undefined) return named;
    if (body.charCodeAt(0) === 35 /* # */) return fromCharRef(body, match);
    throw entityError(match);
  });
}

/**
 * The end of the entity or character reference at `text[at]` ("&"), or -1 when it is not one
 * (XML 1.0 §4.1). Syntax only: `decodeEntities` decides which references are supported.
 */
export function referenceEnd(text: string, at: number): number {
  let end: number;
  if (text.charCodeAt(at + 1) === 35 /* # */) {
    const hex = text.charCodeAt(at + 2) === 120; /* x */
    const digits = at + (hex ? 3 : 2);
    end = digits;
    while (hex ? isHexDigit(text.charCodeAt(end)) : isDigit(text.charCodeAt(end))) end++;
    if (end === digits) return -1;
  } else {
    end = xmlNameEnd(text, at + 1);
    if (end === at + 1) return -1;
  }
  return text.charCodeAt(end) === 59 /* ; */ ? end + 1 : -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function fromCharRef(body: string, match: string): string {
  const hex = body[1] === "x";
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw entityError(match);
  const code = Number.parseInt(digits, hex ? 16 : 10);
  if (!isXmlChar(code)) throw entityError(match);
  return String.fromCodePoint(code);
}

// XML 1.0 §2.2 Char production.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function entityError(match: string): XmlCodecError {
  return new XmlCodecError(
    "entity",
    `Unsupported entity "${match.slice(0, 20)}"; expected &lt; &gt; &amp; &apos; &quot; or a character reference`,
  );
}
