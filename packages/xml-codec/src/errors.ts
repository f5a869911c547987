/**
 * Stable codes carried by {@link XmlCodecError}:
 * - `too-large`: the document exceeds `maxBytes`
 * - `too-deep`: elements nest deeper than `maxDepth`
 * - `doctype`: the document declares a DOCTYPE or an entity (refused to prevent XXE and entity expansion)
 * - `malformed`: the text is not a well-formed XML document
 * - `entity`: an entity or character reference that XML does not predefine, or an invalid one
 * - `invalid-value`: a value does not match its shape (a bad number, boolean, date or base64)
 * - `unknown-shape`: the model names a shape it does not define
 */
export type XmlCodecErrorCode =
  | "too-large"
  | "too-deep"
  | "doctype"
  | "malformed"
  | "entity"
  | "invalid-value"
  | "unknown-shape";

/** The only error type thrown by this package. */
export class XmlCodecError extends Error {
  override readonly name = "XmlCodecError";
  readonly code: XmlCodecErrorCode;
  readonly path?: string;

  constructor(code: XmlCodecErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${message} (at ${path})`);
    this.code = code;
    if (path !== undefined) this.path = path;
  }
}

export function malformed(detail: string): XmlCodecError {
  return new XmlCodecError("malformed", `Malformed XML: ${detail}`);
}

/** A `malformed` error for the problem at offset `at` of `text`, located by line and column. */
export function malformedAt(text: string, problem: string, at: number): XmlCodecError {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return malformed(`${problem} (line ${line}, column ${at - lineStart + 1})`);
}
