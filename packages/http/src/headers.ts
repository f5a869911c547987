/** Header names lower-cased; repeated values joined with ", " as RFC 9110 §5.3 allows. */
export function lowerCaseHeaders(
  entries: Iterable<readonly [string, string | readonly string[] | undefined]>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value === undefined || name.startsWith(":")) continue;
    const key = name.toLowerCase();
    const joined = typeof value === "string" ? value : value.join(", ");
    headers[key] = key in headers ? `${headers[key]}, ${joined}` : joined;
  }
  return headers;
}

/** The origin of a URL for error messages: never the path or query, which may hold a presigned secret. */
export function originOf(url: URL): string {
  return url.origin;
}
