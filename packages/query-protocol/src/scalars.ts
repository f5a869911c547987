import { bytesToBase64, type Shape } from "@lanyard/xml-codec";
import { invalidInput } from "./errors.js";

/** Formats one scalar the way botocore's `QuerySerializer` does. */
export function formatScalar(value: unknown, shape: Shape, path: string): string {
  switch (shape.type) {
    case "boolean":
      if (typeof value !== "boolean") throw invalidInput(path, `expected a boolean, got ${typeof value}`);
      return value ? "true" : "false";
    case "integer":
    case "long":
    case "short":
    case "byte":
    case "biginteger":
      return formatInteger(value, path);
    case "float":
    case "double":
    case "bigdecimal":
      return formatFloat(value, path);
    case "timestamp":
      return formatTimestamp(value, shape.timestampFormat, path);
    case "blob":
      return formatBlob(value, path);
    default:
      if (typeof value !== "string") throw invalidInput(path, `expected a string, got ${typeof value}`);
      return value;
  }
}

function formatInteger(value: unknown, path: string): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw invalidInput(path, `expected an integer, got ${String(value)}`);
  }
  return String(value);
}

// Smithy sends non-finite floats as the strings NaN, Infinity and -Infinity; the same
// strings are accepted as input because JSON test data cannot hold the numbers.
function formatFloat(value: unknown, path: string): string {
  if (value === "NaN" || value === "Infinity" || value === "-Infinity") return value;
  if (typeof value !== "number") throw invalidInput(path, `expected a number, got ${typeof value}`);
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  return String(value);
}

function formatTimestamp(value: unknown, format: string | undefined, path: string): string {
  const date = toDate(value, path);
  if (format === "unixTimestamp") return String(date.getTime() / 1000);
  if (format === "rfc822") return date.toUTCString();
  // awsQuery's default is ISO 8601 in UTC; fractions are only sent when present, as botocore does.
  const iso = date.toISOString();
  return date.getUTCMilliseconds() === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

function toDate(value: unknown, path: string): Date {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value * 1000);
  else if (typeof value === "string") date = new Date(value);
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw invalidInput(path, `expected a Date, epoch seconds or an ISO 8601 string, got ${String(value)}`);
  }
  return date;
}

function formatBlob(value: unknown, path: string): string {
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (typeof value === "string") return bytesToBase64(new TextEncoder().encode(value));
  throw invalidInput(path, `expected a Uint8Array or a string, got ${typeof value}`);
}
