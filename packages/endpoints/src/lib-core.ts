import { percentEncode } from "@lanyard/http";
import type { Value } from "./types.js";

/** One step of a `getAttr` path: a property name or an array index. */
export type PathStep = string | number;

/**
 * Parses a `getAttr` path such as `resourceId[2]` or `a.b[0]` (Smithy rules spec,
 * "getAttr function"): dot-separated names, each optionally followed by `[index]`.
 */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of path.split(".")) {
    const bracket = part.indexOf("[");
    if (bracket === -1) {
      steps.push(part);
      continue;
    }
    if (bracket > 0) steps.push(part.slice(0, bracket));
    for (const index of part.slice(bracket).matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/** Walks a parsed path; a missing property or an index out of range yields unset. */
export function getAttr(value: Value, steps: PathStep[]): Value {
  let current = value;
  for (const step of steps) {
    if (current === null || typeof current !== "object") return undefined;
    current = Array.isArray(current)
      ? typeof step === "number"
        ? current[step]
        : undefined
      : (current as Record<string, Value>)[step];
  }
  return current;
}

/**
 * `substring(input, start, stop, reverse)`: unset when the input holds a non-ASCII
 * character or the range does not fit (Smithy rules spec, "substring function").
 */
export function substring(input: Value, start: number, stop: number, reverse: boolean): string | undefined {
  if (typeof input !== "string" || start >= stop || input.length < stop || /[^\x00-\x7f]/.test(input))
    return undefined;
  return reverse ? input.slice(input.length - stop, input.length - start) : input.slice(start, stop);
}

/** `uriEncode`: RFC 3986 percent-encoding (@lanyard/http's `percentEncode`); unset for a non-string. */
export function uriEncode(value: string): string;
export function uriEncode(value: Value): string | undefined;
export function uriEncode(value: Value): string | undefined {
  return typeof value === "string" ? percentEncode(value) : undefined;
}

const HOST_LABEL = /^(?!-)[a-zA-Z0-9-]{1,63}(?<!-)$/;

/** An RFC 1123 host label; with `allowSubDomains`, dot-separated labels. */
export function isValidHostLabel(value: Value, allowSubDomains: boolean): boolean {
  if (typeof value !== "string") return false;
  if (!allowSubDomains) return HOST_LABEL.test(value);
  return value.split(".").every((label) => HOST_LABEL.test(label));
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A dotted IPv4 address or a bracketed IPv6 literal. */
export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || (host.startsWith("[") && host.endsWith("]"));
}

export interface ParsedUrl {
  scheme: string;
  authority: string;
  path: string;
  normalizedPath: string;
  isIp: boolean;
  [key: string]: Value;
}

const URL_PARTS = /^(https?):\/\/([^/?#]+)([^?#]*)$/;

/**
 * `parseURL`: unset for a scheme other than http/https or a URL with a query
 * (Smithy rules spec, "parseURL function"). The path is kept as written, so a URL
 * without one has an empty `path` and a `/` `normalizedPath`.
 */
export function parseURL(value: Value): ParsedUrl | undefined {
  if (typeof value !== "string") return undefined;
  const match = URL_PARTS.exec(value);
  if (!match || !isWellFormed(value)) return undefined;
  const [, scheme = "", authority = "", path = ""] = match;
  const host = authority.startsWith("[")
    ? authority.slice(0, authority.indexOf("]") + 1)
    : authority.split(":")[0];
  return {
    scheme,
    authority,
    path,
    normalizedPath: path.endsWith("/") ? path : `${path}/`,
    isIp: isIpAddress(host ?? ""),
  };
}

function isWellFormed(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
