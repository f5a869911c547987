import { classBrand, isInstanceAcrossCopies } from "@lanyard/http";
import type { ResponseMetadata } from "./metadata.js";

/**
 * Why a call failed on the client's side of the wire. Failures the network or a credential
 * source caused keep their own classes (`TransportError`, `CredentialsError`, `SigV4Error`).
 */
export type ClientErrorCode =
  | "validation"
  | "config"
  | "missing-region"
  | "missing-credentials"
  | "endpoint"
  | "parse";

/**
 * The runtime's one error class: bad input, configuration or an answer that cannot be decoded.
 * Errors the service answered are `ServiceError`s instead.
 */
export class ClientError extends Error {
  static readonly [classBrand]: string = "ClientError";

  /** True for this class's instances from any copy of `@lanyard/query-client` (see `isInstanceAcrossCopies`). */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` names.
    return isInstanceAcrossCopies(this, value);
  }

  override name = "ClientError";
  readonly code: ClientErrorCode;
  $metadata: ResponseMetadata;

  constructor(
    code: ClientErrorCode,
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
export class ValidationError extends ClientError {
  static override readonly [classBrand] = "ValidationError";
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
