/**
 * A Node error's code (`ENOENT`, `EACCES`, `ERR_INVALID_CHAR`…) for a message, never the error's
 * text, which may quote a path, a header or an argument. A `code` that does not look like one is
 * replaced by `fallback` too, so an odd error object cannot put arbitrary text in a message.
 */
export function errnoCode(error: unknown, fallback = "I/O error"): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code) ? code : fallback;
}
