/**
 * Response header names lower-cased, repeated values joined with ", " (RFC 9110 §5.3), read from
 * `rawHeaders`: Node's own `headers` object drops repeats of some names (content-type, …).
 */
export function responseHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    // No header is called that; assigning it would replace the record's prototype instead.
    if (name === "__proto__") continue;
    const value = raw[i + 1]!;
    const seen = headers[name];
    // hasOwn only when something is there: a repeat, or an inherited name such as "constructor".
    headers[name] = seen !== undefined && Object.hasOwn(headers, name) ? `${seen}, ${value}` : value;
  }
  return headers;
}

/** Whether a response to `method` with `status` has a body to read (RFC 9112 §6.3). */
export function hasBody(method: string, status: number): boolean {
  return method !== "HEAD" && status !== 204 && status !== 304 && status >= 200;
}
