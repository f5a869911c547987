/**
 * Stable codes carried by {@link XmlCodecError}:
 * - `too-large`: the document exceeds `maxBytes`, or a string or array the runtime can hold
 * - `too-deep`: elements nest deeper than `maxDepth`, or than the runtime's call stack allows
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

/**
 * Runs `work` so that nothing but `XmlCodecError` leaves it: the runtime running out of call
 * stack (a RangeError in V8 and WebKit, an InternalError "too much recursion" in Gecko) or of
 * string or array length under raised limits becomes `too-deep` or `too-large`. The runtime's own
 * message is left out, as some RangeErrors quote a value taken from the document.
 */
export function withinRuntimeLimits<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw runtimeLimitError(error) ?? error;
  }
}

/** The codec's error for a runtime resource error, or undefined for anything else. */
export function runtimeLimitError(error: unknown): XmlCodecError | undefined {
  if (!(error instanceof RangeError) && (error as Error | undefined)?.name !== "InternalError") {
    return undefined;
  }
  const message = String((error as Error).message);
  if (/call stack|recursion/i.test(message)) {
    return new XmlCodecError(
      "too-deep",
      "XML nests too deeply for this runtime's call stack; expected a lower maxDepth",
    );
  }
  return new XmlCodecError(
    "too-large",
    "XML is too large for this runtime to hold (string or array length); expected a lower maxBytes",
  );
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
