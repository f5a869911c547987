/** Header names lower-cased; repeated values joined with ", " as RFC 9110 §5.3 allows. */
export function lowerCaseHeaders(
  entries: Iterable<readonly [string, string | readonly string[] | undefined]>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value === undefined || name.startsWith(":")) continue;
    addHeader(headers, name, typeof value === "string" ? value : value.join(", "));
  }
  return headers;
}

/**
 * The same from Node's flat `rawHeaders` (`[name, value, name, value, …]`), which keeps the
 * repeats that its `headers` object drops for some names (content-type, …).
 */
export function lowerCaseRawHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) addHeader(headers, raw[i]!, raw[i + 1]!);
  return headers;
}

function addHeader(headers: Record<string, string>, name: string, value: string): void {
  const key = name.toLowerCase();
  // No header is called that; assigning it would replace the record's prototype instead.
  if (key === "__proto__") return;
  const seen = headers[key];
  // hasOwn only when something is there: a repeat, or an inherited name such as "constructor".
  headers[key] = seen !== undefined && Object.hasOwn(headers, key) ? `${seen}, ${value}` : value;
}

/** The origin of a URL for error messages: never the path or query, which may hold a presigned secret. */
export function originOf(url: URL): string {
  return url.origin;
}
