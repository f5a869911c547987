import type { ResponseMetadata } from "./metadata.js";

/** What the pipeline knows when it turns an error response into an error object. */
export interface ServiceErrorInit {
  message: string;
  code?: string;
  /** `Sender` or `Receiver`, from the error envelope's `Type`. */
  type?: string;
  $metadata?: ResponseMetadata;
  /** Extra members of the error structure, decoded with its shape. */
  fields?: Record<string, unknown>;
  /** Value of the response's Date header, used for clock-skew correction. */
  serverDate?: Date;
}

/**
 * An error answered by STS. Modeled codes get their own subclass (ExpiredTokenException, …);
 * any other code is an STSServiceError whose `code` is the wire code.
 */
export class STSServiceError extends Error {
  override name = "STSServiceError";
  readonly code: string;
  readonly type: string | undefined;
  $metadata: ResponseMetadata;
  readonly fields: Record<string, unknown>;
  readonly serverDate: Date | undefined;

  constructor(init: ServiceErrorInit) {
    super(init.message);
    this.code = init.code ?? "Unknown";
    this.type = init.type;
    this.$metadata = init.$metadata ?? { attempts: 1, totalRetryDelay: 0 };
    this.fields = init.fields ?? {};
    this.serverDate = init.serverDate;
  }
}

/** True for any error STS answered (modeled or not). */
export function isSTSServiceError(error: unknown): error is STSServiceError {
  return error instanceof STSServiceError;
}
