import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type HttpRequest,
  type HttpResponse,
  type SendOptions,
  startDeadline,
  type Transport,
  TransportClosedError,
  type TransportTimeouts,
  toTransportError,
} from "@lanyard/http";
import { readResponseBody } from "./body.js";
import { allowedHeaders } from "./forbidden-headers.js";

export interface FetchTransportOptions extends TransportTimeouts {
  /** The fetch to call. Default `globalThis.fetch`, looked up on each send so polyfills installed later apply. */
  fetch?: typeof fetch;
  /** Passed to fetch as `credentials`. Default: the runtime's default (`same-origin`). */
  credentials?: RequestCredentials;
}

/**
 * A transport on WHATWG `fetch` alone, so the same code runs in browsers, workers, Deno,
 * Bun and Node. `connectTimeoutMs` cannot be applied separately: fetch exposes no connect
 * phase, so `requestTimeoutMs` bounds the whole attempt.
 */
export class FetchTransport implements Transport {
  readonly #fetch: typeof fetch | undefined;
  readonly #credentials: RequestCredentials | undefined;
  readonly #requestTimeoutMs: number;
  readonly #maxBodyBytes: number;
  #closed = false;

  constructor(options: FetchTransportOptions = {}) {
    this.#fetch = options.fetch;
    this.#credentials = options.credentials;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const origin = request.url.origin;
    if (this.#closed) throw new TransportClosedError({ origin });
    const deadline = startDeadline(this.#requestTimeoutMs, options.signal, origin);
    try {
      if (deadline.signal.aborted) throw deadline.reason();
      const init: RequestInit = {
        method: request.method,
        headers: allowedHeaders(request.headers),
        // TS types Uint8Array as possibly SharedArrayBuffer-backed; request bodies never are.
        body: (request.body ?? null) as BodyInit | null,
        signal: deadline.signal,
      };
      if (this.#credentials) init.credentials = this.#credentials;
      const doFetch = this.#fetch ?? globalThis.fetch;
      const response = await doFetch(request.url, init);
      const body = await readResponseBody(response, this.#maxBodyBytes, origin);
      const headers: Record<string, string> = {};
      // Headers iterates lower-cased names with repeated values already joined by ", ".
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body };
    } catch (error) {
      throw deadline.signal.aborted ? deadline.reason() : toTransportError(error, { origin });
    } finally {
      deadline.dispose();
    }
  }

  /**
   * Marks the transport closed. Connections belong to the runtime's fetch (the browser, or
   * Node's global undici dispatcher), which closes idle ones on its own schedule.
   */
  async close(): Promise<void> {
    this.#closed = true;
  }
}
