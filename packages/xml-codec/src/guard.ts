import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type ParseXmlOptions } from "./element.js";
import { XmlCodecError } from "./errors.js";

export interface Limits {
  maxBytes: number;
  maxDepth: number;
}

export function resolveLimits(options: ParseXmlOptions | undefined): Limits {
  return {
    maxBytes: options?.maxBytes ?? DEFAULT_MAX_BYTES,
    maxDepth: options?.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
}

// A DOCTYPE is the only way to declare entities or point at external ones, so refusing it
// outright stops XXE and "billion laughs" before any parser sees the text. AWS query
// responses never carry one.
const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

/** Checks size and refuses declarations; runs before either parser backend. */
export function guardInput(text: string, limits: Limits): void {
  if (typeof text !== "string") {
    throw new XmlCodecError("malformed", `Expected XML text as a string, got ${typeof text}`);
  }
  if (text.length > limits.maxBytes || utf8Length(text, limits.maxBytes) > limits.maxBytes) {
    throw new XmlCodecError(
      "too-large",
      `XML document is larger than maxBytes (${limits.maxBytes} bytes); raise maxBytes to accept it`,
    );
  }
  if (DECLARATION.test(text)) {
    throw new XmlCodecError(
      "doctype",
      "XML document contains a DOCTYPE or ENTITY declaration, which is refused to prevent entity expansion and external entity attacks",
    );
  }
}

// UTF-8 is never shorter than UTF-16 code units, so the exact count is only needed when
// three bytes per unit could cross the limit.
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function tooDeep(limits: Limits): XmlCodecError {
  return new XmlCodecError(
    "too-deep",
    `XML elements nest deeper than maxDepth (${limits.maxDepth}); raise maxDepth to accept it`,
  );
}
