import {
  type HttpRequest,
  type HttpResponse,
  type SendOptions,
  type Transport,
  TransportClosedError,
} from "@lanyard/http";

/**
 * The Node default transport, importing `@lanyard/transport-undici` on its first `send`. undici
 * takes about as long to load as the whole AWS SDK, so a client given its own transport, or one
 * that never sends, does not pay for it (import time is benchmarked).
 */
export class LazyUndiciTransport implements Transport {
  #transport: Transport | undefined;
  #loading: Promise<Transport> | undefined;
  #closed = false;

  async send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse> {
    const transport = this.#transport ?? (await this.#load(request.url.origin));
    return transport.send(request, options);
  }

  /** Closes the undici transport if one was loaded; later sends fail with code `closed`. */
  async close(): Promise<void> {
    this.#closed = true;
    const transport = this.#transport ?? (await this.#loading?.catch(() => undefined));
    await transport?.close();
  }

  #load(origin: string): Promise<Transport> {
    if (this.#closed) return Promise.reject(new TransportClosedError({ origin }));
    this.#loading ??= import("@lanyard/transport-undici").then(({ UndiciTransport }) => {
      this.#transport = new UndiciTransport();
      return this.#transport;
    });
    return this.#loading;
  }
}
