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
  // An awsQuery POST has no query at all.
  if (search === "" || search === "?") return pairs;
  for (const part of search.replace(/^\?/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq !== -1) pairs.push([uriDecode(part.slice(0, eq)), uriDecode(part.slice(eq + 1))]);
    else if (part !== "") pairs.push([uriDecode(part), ""]);
  }
  return pairs;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Encodes every key and value strictly and sorts by key, then value (byte order of the encoding). */
export function canonicalQuery(pairs: readonly QueryPair[]): string {
  const encoded = pairs.map(([key, value]) => [uriEncode(key), uriEncode(value)] as const);
  // Keys compare first: a whole-string sort would put "a-b=1" before "a=1" since "-" < "=".
  encoded.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  return encoded.map(([key, value]) => `${key}=${value}`).join("&");
}
