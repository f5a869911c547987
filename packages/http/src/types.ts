/** An HTTP request as every Lanyard primitive sees it: already fully formed, body in memory. */
export interface HttpRequest {
  method: string;
  url: URL;
  /** Header names as given; signers lower-case them when canonicalizing. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A fully read HTTP response. Header names are lower-case; repeated headers are joined with ", ". */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface SendOptions {
  /** Aborts the request; the transport rejects with an `AbortError` (code `aborted`). */
  signal?: AbortSignal;
}

/**
 * The one contract every transport implements: send a request, get the whole response.
 * Failures reject with a `TransportError` whose `code` says what went wrong.
 */
export interface Transport {
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse>;
  /** Frees every connection so the process can exit; later sends reject with code `closed`. */
  close(): Promise<void>;
}

/** Options every built-in transport accepts, with the same names and defaults. */
export interface TransportTimeouts {
  /** Time allowed to establish a connection (TCP + TLS). Default 5 000 ms. */
  connectTimeoutMs?: number;
  /**
   * Time allowed for one whole attempt, from `send` until the body is read, including time
   * spent queued for a pooled connection. Default 30 000 ms.
   */
  requestTimeoutMs?: number;
  /** Largest response body accepted; a larger one fails with `BodyTooLargeError`. Default 1 MiB. */
  maxBodyBytes?: number;
}
