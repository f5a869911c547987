import { XmlCodecError } from "./errors.js";

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// RFC 3339 / ISO 8601 date-time as AWS sends it: optional fraction, `Z` or a ±hh:mm offset.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function invalid(expected: string, text: string, path: string): XmlCodecError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new XmlCodecError("invalid-value", `Expected ${expected}, got "${shown}"`, path);
}

export function parseInteger(text: string, path: string): number {
  const trimmed = text.trim();
  if (!INTEGER.test(trimmed)) throw invalid("an integer", text, path);
  return Number(trimmed);
}

// Smithy serializes non-finite floats as the literal strings NaN, Infinity and -Infinity.
export function parseFloatValue(text: string, path: string): number {
  const trimmed = text.trim();
  if (trimmed === "NaN") return Number.NaN;
  if (trimmed === "Infinity") return Number.POSITIVE_INFINITY;
  if (trimmed === "-Infinity") return Number.NEGATIVE_INFINITY;
  if (!FLOAT.test(trimmed)) throw invalid("a number", text, path);
  return Number(trimmed);
}

export function parseBoolean(text: string, path: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  throw invalid('"true" or "false"', text, path);
}

/** ISO 8601 (the awsQuery default), epoch seconds, or an RFC 7231 HTTP date. */
export function parseTimestamp(text: string, path: string): Date {
  const trimmed = text.trim();
  let millis = Number.NaN;
  if (ISO_8601.test(trimmed)) millis = Date.parse(trimmed);
  else if (FLOAT.test(trimmed)) millis = Number(trimmed) * 1000;
  else if (/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) {
    millis = Date.parse(trimmed);
  }
  if (Number.isNaN(millis)) throw invalid("an ISO 8601 timestamp", text, path);
  return new Date(millis);
}

export function parseBlob(text: string, path: string): Uint8Array {
  const compact = text.replace(/\s+/g, "");
  if (!BASE64.test(compact)) throw invalid("base64 data", text, path);
  return base64ToBytes(compact);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Decodes validated base64 without `atob`/`Buffer`, so it runs on every platform. */
export function base64ToBytes(b64: string): Uint8Array {
  const padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((b64.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < b64.length; i += 4) {
    const n =
      ((LOOKUP[b64.charCodeAt(i)] ?? 0) << 18) |
      ((LOOKUP[b64.charCodeAt(i + 1)] ?? 0) << 12) |
      ((LOOKUP[b64.charCodeAt(i + 2)] ?? 0) << 6) |
      (LOOKUP[b64.charCodeAt(i + 3)] ?? 0);
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

/** Encodes bytes as base64 without `btoa`/`Buffer`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[n >> 18];
    out += ALPHABET[(n >> 12) & 63];
    out += b === undefined ? "=" : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? "=" : ALPHABET[n & 63];
  }
  return out;
}
