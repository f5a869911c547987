/** Stable codes of {@link RetryError}. */
export type RetryErrorCode = "aborted" | "invalid-option";

/** The one error class of this package: a bad option, or a backoff cut short by an AbortSignal. */
export class RetryError extends Error {
  override name = "RetryError";
  readonly code: RetryErrorCode;

  constructor(code: RetryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function invalidOption(name: string, expected: string, got: unknown): RetryError {
  return new RetryError("invalid-option", `${name} must be ${expected}, got ${String(got)}`);
}
