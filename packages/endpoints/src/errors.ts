/**
 * Stable codes: `rule-error` is an `error` rule that matched (the message is the rule's
 * text); `missing-parameter` and `invalid-parameter` are caught before evaluation;
 * `no-match` means no rule matched; `invalid-rule-set` is a rule set this engine cannot read.
 */
export type EndpointErrorCode =
  | "rule-error"
  | "missing-parameter"
  | "invalid-parameter"
  | "no-match"
  | "invalid-rule-set";

/** The one error class of `@lanyard/endpoints`. */
export class EndpointError extends Error {
  override name = "EndpointError";
  readonly code: EndpointErrorCode;

  constructor(code: EndpointErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
