import { XmlCodecError } from "./errors.js";
import type { Shape } from "./shapes.js";

// Smithy writes non-finite floats as the strings NaN, Infinity and -Infinity; Number() reads them.
const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|NaN|-?Infinity)$/;
// RFC 3339 / ISO 8601 date-time as AWS sends it (optional fraction, `Z` or ±hh:mm), or an RFC 7231 date.
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})$|^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The wire form of a model scalar type: integer, float, boolean, timestamp, blob or string. */
function kindOf(type: string): string {
  switch (type) {
    case "long":
    case "short":
    case "byte":
    case "biginteger":
      return "integer";
    case "double":
    case "bigdecimal":
      return "float";
    default:
      return type;
  }
}

function invalid(expected: string, got: unknown, path: string): XmlCodecError {
  const shown =
    typeof got === "string"
      ? JSON.stringify(got.length > 40 ? `${got.slice(0, 40)}…` : got)
      : typeof got === "number"
        ? got
        : typeof got;
  return new XmlCodecError("invalid-value", `Expected ${expected}, got ${shown}`, path);
}

/**
 * Reads character data as its scalar shape: numbers, booleans, `Date` (ISO 8601, epoch
 * seconds or an HTTP date), `Uint8Array` from base64; anything else stays text. Values of
 * a `sensitive` shape never appear in the error message.
 */
export function decodeScalar(text: string, shape: Shape, path: string): unknown {
  try {
    return readScalar(text, shape, path);
  } catch (error) {
    if (shape.sensitive !== true) throw error;
    throw new XmlCodecError("invalid-value", `Expected a valid ${shape.type} (value redacted)`, path);
  }
}

function readScalar(text: string, shape: Shape, path: string): unknown {
  const value = text.trim();
  switch (kindOf(shape.type)) {
    case "integer":
      if (INTEGER.test(value)) return Number(value);
      throw invalid("an integer", text, path);
    case "float":
      if (FLOAT.test(value)) return Number(value);
      throw invalid("a number", text, path);
    case "boolean":
      if (value === "true" || value === "false") return value === "true";
      throw invalid('"true" or "false"', text, path);
    case "timestamp": {
      const date = new Date(FLOAT.test(value) ? Number(value) * 1000 : DATE.test(value) ? value : Number.NaN);
      if (!Number.isNaN(date.getTime())) return date;
      throw invalid("an ISO 8601 timestamp", text, path);
    }
    case "blob": {
      const compact = text.replace(/\s+/g, "");
      if (BASE64.test(compact)) return base64ToBytes(compact);
      throw invalid("base64 data", text, path);
    }
    default:
      return text;
  }
}

/**
 * Writes a value as its scalar shape's text, as botocore's `QuerySerializer` does. Floats
 * also accept the strings NaN, Infinity and -Infinity (JSON test data cannot hold them).
 */
export function formatScalar(value: unknown, shape: Shape, path: string): string {
  switch (kindOf(shape.type)) {
    case "integer":
      if (typeof value === "bigint" || Number.isInteger(value)) return String(value);
      throw invalid("an integer", value, path);
    case "float":
      if (typeof value === "number" || value === "NaN" || value === "Infinity" || value === "-Infinity") {
        return String(value);
      }
      throw invalid("a number", value, path);
    case "boolean":
      if (typeof value === "boolean") return String(value);
      throw invalid("a boolean", value, path);
    case "timestamp":
      return formatTimestamp(value, shape.timestampFormat, path);
    case "blob":
      if (value instanceof Uint8Array) return bytesToBase64(value);
      if (typeof value === "string") return bytesToBase64(new TextEncoder().encode(value));
      throw invalid("a Uint8Array or a string", value, path);
    default:
      if (typeof value === "string") return value;
      throw invalid("a string", value, path);
  }
}

function formatTimestamp(value: unknown, format: string | undefined, path: string): string {
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === "number" ? value * 1000 : typeof value === "string" ? value : Number.NaN);
  if (Number.isNaN(date.getTime())) throw invalid("a Date, epoch seconds or an ISO 8601 string", value, path);
  if (format === "unixTimestamp") return String(date.getTime() / 1000);
  if (format === "rfc822") return date.toUTCString();
  // awsQuery's default is ISO 8601 in UTC; botocore sends a fraction only when there is one.
  return date.toISOString().replace(".000Z", "Z");
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
