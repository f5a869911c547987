import { randomUUID } from "node:crypto";
import { type RecordedRequest, StsHandler } from "./handler.js";
import { type Listener, startHttp1, startHttp2 } from "./listeners.js";
import type { Plan } from "./plan.js";
import { makeCertificate } from "./tls.js";

export interface EmulatorOptions {
  /** Port of the HTTP/1.1 listener; default 0 (any free port). */
  port?: number;
  /** Also start HTTP/2 over TLS (certificate made at start-up) and h2c. Default true. */
  http2?: boolean;
  /** The emulator's clock (ms since the epoch); default `Date.now`. */
  now?: () => number;
  /** Request ids; default random UUIDs. */
  requestId?: () => string;
}

/** Base URLs of the running listeners, all on 127.0.0.1. */
export interface EmulatorEndpoints {
  http1: URL;
  h2?: URL;
  h2c?: URL;
}

/**
 * A local STS: verifies SigV4 for the test identity, answers every operation with its documented
 * example in STS's awsQuery XML, and plays programmed faults per case key.
 */
export class StsEmulator {
  readonly endpoints: EmulatorEndpoints;
  /** PEM certificate of the TLS listener, for a client's `ca`; undefined without HTTP/2. */
  readonly ca: string | undefined;
  readonly #handler: StsHandler;
  readonly #listeners: Listener[];

  private constructor(handler: StsHandler, listeners: Listener[], endpoints: EmulatorEndpoints, ca?: string) {
    this.#handler = handler;
    this.#listeners = listeners;
    this.endpoints = endpoints;
    this.ca = ca;
  }

  static async start(options: EmulatorOptions = {}): Promise<StsEmulator> {
    const handler = new StsHandler({
      now: options.now ?? Date.now,
      requestId: options.requestId ?? randomUUID,
    });
    const handle = handler.handle.bind(handler);
    const http1 = await startHttp1(handle, options.port);
    if (options.http2 === false) return new StsEmulator(handler, [http1], { http1: http1.url });
    const tls = await makeCertificate();
    const h2 = await startHttp2(handle, tls);
    const h2c = await startHttp2(handle);
    return new StsEmulator(
      handler,
      [http1, h2, h2c],
      { http1: http1.url, h2: h2.url, h2c: h2c.url },
      tls.cert,
    );
  }

  /** Programs what requests carrying `key` (x-lanyard-case, session token or a form value) get; resets its records. */
  program(key: string, plan: Plan): void {
    this.#handler.program(key, plan);
  }

  /** Drops a key's plan and records. */
  forget(key: string): void {
    this.#handler.forget(key);
  }

  /** Every request received for `key`, in order: one per attempt. */
  requests(key: string): readonly RecordedRequest[] {
    return this.#handler.records(key);
  }

  /** Stops every listener, dropping hanging requests and open connections. */
  async close(): Promise<void> {
    await Promise.all(this.#listeners.map((listener) => listener.close()));
  }
}
