import { uriDecode, uriEncode, uriEncodePath } from "./encoding.js";

/**
 * The canonical URI from a URL's (already percent-encoded) path. Normalization removes empty,
 * `.` and `..` segments (RFC 3986 §5.2.4, as the SigV4 suite's `normalize` cases expect);
 * double encoding encodes the wire path once more, which every service but S3 expects.
 */
export function canonicalPath(pathname: string, normalize: boolean, doubleEncode: boolean): string {
  let path = pathname === "" ? "/" : pathname;
  if (normalize) path = normalizePath(path);
  return doubleEncode ? uriEncodePath(path) : path;
}

function normalizePath(path: string): string {
  if (!/\/\/|\/\.\.?(?:\/|$)/.test(path)) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const joined = `/${segments.join("/")}`;
  return segments.length > 0 && path.endsWith("/") ? `${joined}/` : joined;
}

/** One query parameter, decoded from its wire form. */
export type QueryPair = readonly [key: string, value: string];

/** Splits a URL's `search` (with or without `?`) into decoded key/value pairs, keeping order. */
export function parseQuery(search: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  const query = search.charCodeAt(0) === 63 /* ? */ ? search.slice(1) : search;
  if (query === "") return pairs;
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq === -1) pairs.push([uriDecode(part), ""]);
    else pairs.push([uriDecode(part.slice(0, eq)), uriDecode(part.slice(eq + 1))]);
  }
  return pairs;
}

/** Encodes every key and value strictly and sorts by key, then value (byte order of the encoding). */
export function canonicalQuery(pairs: readonly QueryPair[]): string {
  if (pairs.length === 0) return "";
  const encoded = pairs.map(([key, value]) => `${uriEncode(key)}=${uriEncode(value)}`);
  // Keys compare first: a whole-string sort would put "a-b=1" before "a=1" since "-" < "=".
  if (encoded.length > 1) encoded.sort(compareParams);
  return encoded.join("&");
}

function compareParams(a: string, b: string): number {
  const ka = a.slice(0, a.indexOf("="));
  const kb = b.slice(0, b.indexOf("="));
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
