// Node and Node-like runtimes load system-errors.ts; browsers and workers, whose fetch failures
// carry no codes, load system-errors.web.ts (package.json "imports").
import { fromSystemError } from "#system-errors";
import { AbortError, originSuffix, TransportError, type TransportErrorOptions } from "./errors.js";

/**
 * Maps a low-level failure (Node errno, undici or http2 error, fetch TypeError) to a
 * `TransportError` with a stable code. Transports call this once at their boundary so
 * retry classification never looks at platform-specific errors.
 */
export function toTransportError(error: unknown, options: TransportErrorOptions = {}): TransportError {
  if (error instanceof TransportError) return error;
  const withCause = { ...options, cause: error };
  if ((error as { name?: unknown } | null | undefined)?.name === "AbortError")
    return new AbortError(withCause);
  const known = fromSystemError(error, withCause);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError("network", `network error${originSuffix(options.origin)}: ${message}`, withCause);
}
