/**
 * Stable codes carried by {@link QueryProtocolError}:
 * - `unknown-operation`: the model has no operation by that name
 * - `invalid-input`: an input value cannot be serialized as its shape requires
 * - `invalid-response`: a 2xx body is not the response envelope the model describes
 */
export type QueryProtocolErrorCode = "unknown-operation" | "invalid-input" | "invalid-response";

/** The base error of this package; XML problems keep their `XmlCodecError` as `cause`. */
export class QueryProtocolError extends Error {
  override readonly name = "QueryProtocolError";
  readonly code: QueryProtocolErrorCode;

  constructor(code: QueryProtocolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function invalidInput(path: string, detail: string): QueryProtocolError {
  return new QueryProtocolError("invalid-input", `Cannot serialize ${path}: ${detail}`);
}
