import { Agent, request as httpRequest } from "node:http";
import {
  announcedBodyLength,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type HttpRequest,
  type HttpResponse,
  lowerCaseHeaders,
  readBody,
  type SendOptions,
  startDeadline,
  type Transport,
  TransportClosedError,
  type TransportTimeouts,
  toTransportError,
} from "../src/index.js";

/**
 * The smallest correct HTTP/1.1 transport on node:http. It exists to prove the contract
 * suite passes against a straightforward implementation, independent of the real transports.
 */
export class ReferenceTransport implements Transport {
  readonly #agent = new Agent({ keepAlive: true });
  readonly #options: Required<Pick<TransportTimeouts, "requestTimeoutMs" | "maxBodyBytes">>;
  #closed = false;

  constructor(options: TransportTimeouts = {}) {
    this.#options = {
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    };
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const origin = request.url.origin;
    if (this.#closed) throw new TransportClosedError({ origin });
    const deadline = startDeadline(this.#options.requestTimeoutMs, options.signal, origin);
    if (deadline.signal.aborted) {
      deadline.dispose();
      throw deadline.reason();
    }
    try {
      return await new Promise<HttpResponse>((resolve, reject) => {
        const req = httpRequest(request.url, {
          method: request.method,
          headers: request.headers,
          agent: this.#agent,
          signal: deadline.signal,
        });
        req.on("error", (error) =>
          reject(deadline.signal.aborted ? deadline.reason() : toTransportError(error, { origin })),
        );
        req.on("response", (res) => {
          const contentLength = announcedBodyLength(
            request.method,
            res.statusCode ?? 0,
            res.headers["content-length"],
          );
          readBody(res, { maxBodyBytes: this.#options.maxBodyBytes, contentLength }, { origin })
            .then((body) => {
              if (!res.complete)
                throw toTransportError(Object.assign(new Error("aborted"), { code: "ECONNRESET" }), {
                  origin,
                });
              resolve({
                status: res.statusCode ?? 0,
                headers: lowerCaseHeaders(Object.entries(res.headers)),
                body,
              });
            })
            .catch((error: unknown) => {
              res.destroy();
              reject(deadline.signal.aborted ? deadline.reason() : toTransportError(error, { origin }));
            });
        });
        req.end(request.body);
      });
    } finally {
      deadline.dispose();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#agent.destroy();
  }
}
