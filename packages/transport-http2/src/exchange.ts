import { type ClientHttp2Stream, constants, type IncomingHttpHeaders } from "node:http2";
import {
  announcedBodyLength,
  BodyTooLargeError,
  ConnectionResetError,
  concatBytes,
  type HttpRequest,
  type HttpResponse,
  lowerCaseHeaders,
  TruncatedBodyError,
} from "@lanyard/http";
import { type OriginSession, SessionGoneError, type TrackedStream } from "./origin-session.js";
import { requestHeaders } from "./request-headers.js";

export interface ExchangeLimits {
  maxBodyBytes: number;
  origin: string;
  signal: AbortSignal;
  /** Called once when the stream closes, whatever the outcome, to free its slot. */
  onStreamClose(): void;
}

/** Sends one request on a session whose slot the caller holds and reads the whole response. */
export function exchange(
  origin: OriginSession,
  request: HttpRequest,
  limits: ExchangeLimits,
): Promise<HttpResponse> {
  let stream: ClientHttp2Stream;
  try {
    stream = origin.session.request(requestHeaders(request), { endStream: request.body === undefined });
  } catch (error) {
    limits.onStreamClose();
    return Promise.reject(error);
  }
  const reader = new StreamReader(stream, request.method, limits);
  origin.streams.add(reader);
  stream.once("close", () => origin.streams.delete(reader));
  if (request.body !== undefined) stream.end(request.body);
  return reader.response;
}

/** Collects one stream's response, capped at `maxBodyBytes`, and settles when the stream closes. */
class StreamReader implements TrackedStream {
  readonly response: Promise<HttpResponse>;
  readonly #stream: ClientHttp2Stream;
  readonly #method: string;
  readonly #limits: ExchangeLimits;
  #resolve!: (response: HttpResponse) => void;
  #reject!: (error: unknown) => void;
  readonly #parts: Uint8Array[] = [];
  #received = 0;
  #status = 0;
  #headers: Record<string, string> = {};
  #contentLength: number | undefined;
  #ended = false;
  #error: unknown;
  readonly #cancel = () => this.#fail(this.#limits.signal.reason);

  constructor(stream: ClientHttp2Stream, method: string, limits: ExchangeLimits) {
    this.#stream = stream;
    this.#method = method;
    this.#limits = limits;
    this.response = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    limits.signal.addEventListener("abort", this.#cancel, { once: true });
    stream.on("response", (raw) => this.#onResponse(raw));
    stream.on("data", (chunk: Uint8Array) => this.#onData(chunk));
    stream.on("end", () => {
      this.#ended = this.#status !== 0;
    });
    stream.on("error", (error) => {
      this.#error = error;
    });
    stream.on("close", () => this.#onClose());
  }

  #onResponse(raw: IncomingHttpHeaders): void {
    this.#status = Number(raw[":status"]);
    this.#headers = lowerCaseHeaders(Object.entries(raw));
    this.#contentLength = announcedBodyLength(this.#method, this.#status, this.#headers["content-length"]);
    const { maxBodyBytes, origin } = this.#limits;
    if (this.#contentLength !== undefined && this.#contentLength > maxBodyBytes) {
      this.#fail(new BodyTooLargeError(maxBodyBytes, { origin }));
    }
  }

  #onData(chunk: Uint8Array): void {
    this.#received += chunk.byteLength;
    const { maxBodyBytes, origin } = this.#limits;
    if (this.#received > maxBodyBytes) this.#fail(new BodyTooLargeError(maxBodyBytes, { origin }));
    else this.#parts.push(chunk);
  }

  refuseAbove(lastStreamId: number): void {
    const id = this.#stream.id;
    if (this.#status === 0 && id !== undefined && id > lastStreamId) this.#fail(new SessionGoneError());
  }

  /** Cancels the stream (RST_STREAM CANCEL) so the server stops sending; the session stays up. */
  #fail(error: unknown): void {
    this.#stream.close(constants.NGHTTP2_CANCEL);
    this.#reject(error);
  }

  // Settles on 'close' (which follows 'error' too), not 'end': only then is rstCode known, and a stream reset or a session
  // destroyed before END_STREAM (no response, or part of one) must not pass as complete.
  #onClose(): void {
    const { origin, signal } = this.#limits;
    signal.removeEventListener("abort", this.#cancel);
    this.#limits.onStreamClose();
    const expected = this.#contentLength;
    if (this.#status === 0 && this.#stream.rstCode === constants.NGHTTP2_REFUSED_STREAM) {
      this.#reject(new SessionGoneError());
    } else if (this.#error !== undefined) {
      this.#reject(this.#error);
    } else if (!this.#ended || this.#stream.rstCode !== constants.NGHTTP2_NO_ERROR) {
      this.#reject(new ConnectionResetError({ origin }));
    } else if (expected !== undefined && this.#received < expected) {
      this.#reject(new TruncatedBodyError(this.#received, expected, { origin }));
    } else {
      const body = this.#parts.length === 0 ? new Uint8Array(0) : concatBytes(this.#parts, this.#received);
      this.#resolve({ status: this.#status, headers: this.#headers, body });
    }
  }
}
