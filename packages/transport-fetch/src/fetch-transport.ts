import {
  asyncDispose,
  checkOptions,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type HttpRequest,
  type HttpResponse,
  resolveTimeouts,
  runWithDeadline,
  type SendOptions,
  type Transport,
  TransportClosedError,
  type TransportTimeouts,
} from "@lanyard/http";
import { readResponseBody } from "./body.js";
import { allowedHeaders } from "./forbidden-headers.js";
import { checkRefusedValues } from "./refused-values.js";

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
  readonly #options: FetchTransportOptions;
  #closed = false;

  constructor(options: FetchTransportOptions = {}) {
    checkOptions("FetchTransport", options);
    // Checks requestTimeoutMs and maxBodyBytes (a RangeError naming a bad one); send reads them itself.
    resolveTimeouts(options);
    this.#options = { ...options };
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const {
      fetch: doFetch = globalThis.fetch,
      credentials,
      requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
      maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    } = this.#options;
    const origin = request.url.origin;
    if (this.#closed) throw new TransportClosedError({ origin });
    return runWithDeadline(requestTimeoutMs, options.signal, origin, async ({ signal }) => {
      const headers = allowedHeaders(request.headers);
      checkRefusedValues(request.url, headers, origin);
      const response = await doFetch(request.url, {
        method: request.method,
        headers,
        // TS types Uint8Array as possibly SharedArrayBuffer-backed; request bodies never are.
        body: (request.body ?? null) as BodyInit | null,
        signal,
        // WebIDL treats an undefined member as absent, so this keeps the runtime's default.
        credentials,
      });
      const body = await readResponseBody(response, request.method, maxBodyBytes, origin);
      // Headers iterates lower-cased names with repeated values already joined by ", ".
      return { status: response.status, headers: Object.fromEntries(response.headers), body };
    });
  }

  /**
   * Marks the transport closed. Connections belong to the runtime's fetch (the browser, or
   * Node's global undici dispatcher), which closes idle ones on its own schedule.
   */
  async close(): Promise<void> {
    this.#closed = true;
  }

  /** `await using transport = new …Transport()` closes it when the scope ends. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }
}
