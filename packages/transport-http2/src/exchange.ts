import type { ClientHttp2Stream, IncomingHttpHeaders } from "node:http2";
import {
  announcedBodyLength,
  type BodyCollector,
  bodyCollector,
  ConnectionResetError,
  type HttpRequest,
  type HttpResponse,
  lowerCaseHeaders,
} from "@lanyard/http";
import { type OriginSession, SessionGoneError, type TrackedStream } from "./origin-session.js";
import { requestHeaders } from "./request-headers.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { constants } = process.getBuiltinModule("node:http2");

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
  #body: BodyCollector | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
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
    const { maxBodyBytes, origin } = this.#limits;
    const contentLength = announcedBodyLength(this.#method, this.#status, this.#headers["content-length"]);
    try {
      this.#body = bodyCollector({ maxBodyBytes, contentLength }, { origin });
    } catch (error) {
      this.#fail(error);
    }
  }

  #onData(chunk: Uint8Array): void {
    try {
      this.#body?.push(chunk);
    } catch (error) {
      this.#fail(error);
    }
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
    if (this.#status === 0 && this.#stream.rstCode === constants.NGHTTP2_REFUSED_STREAM) {
      this.#reject(new SessionGoneError());
    } else if (this.#error !== undefined) {
      this.#reject(this.#error);
    } else if (!this.#ended || this.#stream.rstCode !== constants.NGHTTP2_NO_ERROR) {
      this.#reject(new ConnectionResetError({ origin }));
    } else {
      try {
        const body = this.#body?.finish() ?? new Uint8Array(0);
        this.#resolve({ status: this.#status, headers: this.#headers, body });
      } catch (error) {
        this.#reject(error);
      }
    }
  }
}
