import { XmlCodecError } from "./errors.js";
import type { Shape } from "./shapes.js";

/**
 * How one wire form of scalar reads from trimmed XML text (strings have no `read`: their
 * text is kept untrimmed) and writes to query text; both return undefined for a value that
 * does not fit, and `expected` names what would have.
 */
interface ScalarCodec {
  expected: string;
  read?(text: string): unknown;
  write(value: unknown, shape: Shape): string | undefined;
}

// Smithy writes non-finite floats as the strings NaN, Infinity and -Infinity; Number() reads them.
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|NaN|-?Infinity)$/;
// RFC 3339 / ISO 8601 date-time as AWS sends it (optional fraction, `Z` or ±hh[:]mm).
const ISO_DATE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(?:[Zz]|([+-]\d\d):?(\d\d))$/;
// RFC 7231 IMF-fixdate, which every Date implementation reads.
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const INTEGER_CODEC: ScalarCodec = {
  expected: "an integer",
  read: (text) => (/^[+-]?\d+$/.test(text) ? Number(text) : undefined),
  write: (value) => (typeof value === "bigint" || Number.isInteger(value) ? String(value) : undefined),
};

const NON_FINITE: unknown[] = ["NaN", "Infinity", "-Infinity"];

// Floats also accept the strings NaN, Infinity and -Infinity as input (JSON cannot hold them).
const FLOAT_CODEC: ScalarCodec = {
  expected: "a number",
  read: (text) => (FLOAT.test(text) ? Number(text) : undefined),
  write: (value) => (typeof value === "number" || NON_FINITE.includes(value) ? String(value) : undefined),
};

const BOOLEAN_CODEC: ScalarCodec = {
  expected: 'a boolean ("true" or "false")',
  read: (text) => (text === "true" ? true : text === "false" ? false : undefined),
  write: (value) => (typeof value === "boolean" ? String(value) : undefined),
};

const TIMESTAMP_CODEC: ScalarCodec = {
  expected: "an ISO 8601 timestamp or epoch seconds",
  read: (text) =>
    FLOAT.test(text)
      ? validDate(Number(text) * 1000)
      : HTTP_DATE.test(text)
        ? validDate(text)
        : isoDate(text),
  write(value, { timestampFormat }) {
    const date =
      value instanceof Date
        ? value
        : new Date(typeof value === "number" ? value * 1000 : typeof value === "string" ? value : Number.NaN);
    if (Number.isNaN(date.getTime())) return undefined;
    if (timestampFormat === "unixTimestamp") return String(date.getTime() / 1000);
    if (timestampFormat === "rfc822") return date.toUTCString();
    // awsQuery's default is ISO 8601 in UTC; botocore sends a fraction only when there is one.
    return date.toISOString().replace(".000Z", "Z");
  },
};

const BLOB_CODEC: ScalarCodec = {
  expected: "base64 bytes",
  read(text) {
    // atob rejects characters outside the alphabet and misplaced padding; requiring whole
    // 4-character groups makes it refuse missing padding too.
    const compact = text.replace(/\s+/g, "");
    try {
      return compact.length % 4 === 0 ? base64ToBytes(compact) : undefined;
    } catch {
      return undefined;
    }
  },
  write(value) {
    if (typeof value === "string") return bytesToBase64(new TextEncoder().encode(value));
    return value instanceof Uint8Array ? bytesToBase64(value) : undefined;
  },
};

const STRING_CODEC: ScalarCodec = {
  expected: "a string",
  write: (value) => (typeof value === "string" ? value : undefined),
};

// Model scalar types by wire form; anything else (string, enums) is text.
const CODECS: Record<string, ScalarCodec> = {
  integer: INTEGER_CODEC,
  long: INTEGER_CODEC,
  short: INTEGER_CODEC,
  byte: INTEGER_CODEC,
  biginteger: INTEGER_CODEC,
  float: FLOAT_CODEC,
  double: FLOAT_CODEC,
  bigdecimal: FLOAT_CODEC,
  boolean: BOOLEAN_CODEC,
  timestamp: TIMESTAMP_CODEC,
  blob: BLOB_CODEC,
};

function codecFor(type: string): ScalarCodec {
  return (Object.hasOwn(CODECS, type) ? CODECS[type] : undefined) ?? STRING_CODEC;
}

function validDate(input: string | number): Date | undefined {
  const date = new Date(input);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Reads an ISO 8601 date-time by rewriting it in ECMA-262's own format (§21.4.1.32), since
 * `Date.parse` of `+hhmm` offsets, `z` or fractions beyond milliseconds is implementation-defined,
 * then refuses dates that do not exist (`2019-02-30`) rather than letting them roll over.
 */
function isoDate(text: string): Date | undefined {
  const [, fields = "", fraction = "", hours, minutes] = ISO_DATE.exec(text) ?? [];
  const exists = validDate(`${fields}Z`)?.toISOString().startsWith(fields);
  const zone = hours ? `${hours}:${minutes}` : "Z";
  return exists ? validDate(`${fields}.${`${fraction}00`.slice(0, 3)}${zone}`) : undefined;
}

function invalid(expected: string, got: unknown, shape: Shape, path: string): XmlCodecError {
  // A model marks secrets `sensitive`; their text never goes into an error message.
  const shown = shape.sensitive
    ? "a redacted value"
    : typeof got === "string"
      ? `"${got.slice(0, 40)}"`
      : typeof got;
  return new XmlCodecError("invalid-value", `Expected ${expected}, got ${shown}`, path);
}

/**
 * Reads character data as its scalar shape: numbers, booleans, `Date` (ISO 8601, epoch
 * seconds or an HTTP date), `Uint8Array` from base64; strings keep their text untrimmed.
 */
export function decodeScalar(text: string, shape: Shape, path: string): unknown {
  const codec = codecFor(shape.type);
  if (codec.read === undefined) return text;
  const value = codec.read(text.trim());
  if (value === undefined) throw invalid(codec.expected, text, shape, path);
  return value;
}

/** Writes a value as its scalar shape's query text, as botocore's `QuerySerializer` does. */
export function formatScalar(value: unknown, shape: Shape, path: string): string {
  const codec = codecFor(shape.type);
  const text = codec.write(value, shape);
  if (text === undefined) throw invalid(codec.expected, value, shape, path);
  return text;
}

/** Decodes base64 that is already validated (`atob` also forgives whitespace and missing padding). */
export function base64ToBytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (char) => char.charCodeAt(0));
}

/** Encodes bytes as base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
