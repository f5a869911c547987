/** How far down a cause chain to look: wrappers nest a few levels, and a cycle must not hang. */
const MAX_CAUSE_DEPTH = 5;

/**
 * The first error in `error`'s cause chain (`error` itself, then `error.cause`, and so on) that
 * `match` accepts. Transports and fetch wrap the failure that matters (an errno code, a signal
 * a transport planted to end an attempt) one or more levels down.
 */
export function findCause<T>(error: unknown, match: (candidate: unknown) => candidate is T): T | undefined {
  for (let current = error, depth = 0; current && depth < MAX_CAUSE_DEPTH; depth++) {
    if (match(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
