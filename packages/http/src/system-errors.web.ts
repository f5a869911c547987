import type { TransportError, TransportErrorOptions } from "./errors.js";

/**
 * Browsers and workers: fetch reports every network failure as a bare `TypeError` (Fetch
 * standard, "network error") with no errno-style code, so there is nothing finer to map and
 * Node's code tables (system-errors.ts) stay out of the bundle. Aborts are matched by name.
 */
export function fromSystemError(
  _error: unknown,
  _options: TransportErrorOptions,
): TransportError | undefined {
  return undefined;
}
