/** What every result and error says about the exchange that produced it. */
export interface ResponseMetadata {
  /** HTTP status of the last attempt; absent when no response arrived. */
  httpStatusCode?: number;
  /** The `x-amzn-RequestId` header or `RequestId` element of the last response. */
  requestId?: string;
  /** Number of attempts made, including the first. */
  attempts: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay: number;
}

/** An operation's output with `$metadata` attached. */
export type WithMetadata<Output> = Output & { $metadata: ResponseMetadata };
