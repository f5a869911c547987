import type { ResponseMetadata } from "./metadata.js";

export type STSClientErrorCode =
  | "validation"
  | "config"
  | "missing-region"
  | "missing-credentials"
  | "endpoint"
  | "transport"
  | "aborted"
  | "parse";

/**
 * A failure on the client's side of the wire (bad input, missing configuration, a transport
 * failure that outlived its retries). Errors STS answered are `STSServiceError`s instead.
 */
export class STSClientError extends Error {
  override name = "STSClientError";
  readonly code: STSClientErrorCode;
  $metadata: ResponseMetadata;

  constructor(
    code: STSClientErrorCode,
    message: string,
    options?: { cause?: unknown; $metadata?: ResponseMetadata },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.$metadata = options?.$metadata ?? { attempts: 0, totalRetryDelay: 0 };
  }
}

/** One member that failed validation; never carries the member's value. */
export interface ValidationIssue {
  /** Path of the member, e.g. `Tags[1].Key`. */
  path: string;
  rule: "required" | "type" | "length" | "range" | "pattern" | "unknown";
  message: string;
}

/** The input broke the model's constraints; lists every bad member, raised before any I/O. */
export class ValidationError extends STSClientError {
  override name = "ValidationError";
  readonly operation: string;
  readonly issues: readonly ValidationIssue[];

  constructor(operation: string, issues: readonly ValidationIssue[]) {
    const list = issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join("\n");
    super("validation", `${operation} input is invalid (${issues.length} problem(s)):\n${list}`);
    this.operation = operation;
    this.issues = issues;
  }
}
