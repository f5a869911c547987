import { type RecordedRequest, StsHandler } from "./handler.js";
import { iamUser } from "./identity/principal.js";
import { CredentialStore } from "./identity/store.js";
import { type Bind, type Listener, startHttp1, startHttp2 } from "./listeners.js";
import { type ResolvedOptions, resolveOptions, type StsEmulatorOptions } from "./options.js";
import type { Plan } from "./plan.js";
import { TEST_CREDENTIALS, TEST_USER_NAME } from "./test-identity.js";
import { makeCertificate } from "./tls.js";

/** Base URLs of the running listeners. */
export interface StsEmulatorEndpoints {
  /** Plain HTTP/1.1: always there. */
  http1: string;
  /** HTTP/2 over TLS (trust `ca`); with `http2: true`. */
  h2?: string;
  /** Cleartext HTTP/2 with prior knowledge; with `http2: true`. */
  h2c?: string;
}

/** Long-term test credentials, ready for a client's `credentials`. */
export interface TestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

function testStore(account: string): CredentialStore {
  return new CredentialStore([{ ...TEST_CREDENTIALS, principal: iamUser(account, TEST_USER_NAME) }]);
}

async function listeners(
  handler: StsHandler,
  o: ResolvedOptions,
): Promise<{ listeners: Listener[]; ca?: string }> {
  const handle = handler.handle.bind(handler);
  const bind = (port: number): Bind => ({ host: o.host, port });
  const started: Listener[] = [];
  try {
    started.push(await startHttp1(handle, bind(o.port)));
    if (!o.http2) return { listeners: started };
    const tls = await makeCertificate(o.host);
    started.push(await startHttp2(handle, bind(o.h2Port), tls));
    started.push(await startHttp2(handle, bind(o.h2cPort)));
    return { listeners: started, ca: tls.cert };
  } catch (error) {
    await Promise.all(started.map((listener) => listener.close()));
    throw error;
  }
}

/**
 * A local AWS STS for tests. It accepts the test identity and the credentials it issued,
 * verifies SigV4 headers and presigned URLs, answers in STS's awsQuery XML, and plays
 * programmed faults (fault injection) per key.
 *
 * ```ts
 * await using sts = await StsEmulator.start();
 * const client = new STSClient({ region: sts.region, endpoint: sts.endpoint, credentials: sts.credentials });
 * ```
 */
export class StsEmulator implements AsyncDisposable {
  /** The HTTP/1.1 base URL: pass it as a client's `endpoint`. */
  readonly endpoint: string;
  readonly endpoints: StsEmulatorEndpoints;
  /** PEM certificate of the HTTP/2 TLS listener, for a client's CA; undefined without HTTP/2. */
  readonly ca: string | undefined;
  /** The test identity's long-term keys. */
  readonly credentials: TestCredentials = TEST_CREDENTIALS;
  /** The region requests must be signed for. */
  readonly region: string;
  /** The account of the test identity. */
  readonly account: string;
  readonly #handler: StsHandler;
  readonly #listeners: Listener[];
  #closed: Promise<void> | undefined;

  private constructor(
    o: ResolvedOptions,
    handler: StsHandler,
    started: { listeners: Listener[]; ca?: string },
  ) {
    this.#handler = handler;
    this.#listeners = started.listeners;
    const [http1, h2, h2c] = started.listeners.map((listener) => listener.url.href);
    this.endpoint = http1!;
    this.endpoints = h2 === undefined ? { http1: http1! } : { http1: http1!, h2, h2c };
    this.ca = started.ca;
    this.region = o.region;
    this.account = o.account;
  }

  /** Starts the listeners; rejects with a `StsEmulatorError` for a bad option or a port in use. */
  static async start(options?: StsEmulatorOptions): Promise<StsEmulator> {
    const o = resolveOptions(options);
    const handler = new StsHandler({
      now: o.now,
      requestId: o.requestId,
      region: o.region,
      answers: o.answers,
      store: testStore(o.account),
    });
    return new StsEmulator(o, handler, await listeners(handler, o));
  }

  /**
   * Fault injection: what requests carrying `key` get (their `x-lanyard-case` header, session
   * token, user agent `app/<key>`, or a form value equal to `key`); resets the key's records.
   */
  program(key: string, plan: Plan): void {
    this.#handler.program(key, plan);
  }

  /** Drops a key's plan and records. */
  forget(key: string): void {
    this.#handler.forget(key);
  }

  /** Every request received for a programmed key, in order: one per attempt. */
  requests(key: string): readonly RecordedRequest[] {
    return this.#handler.records(key);
  }

  /** Stops every listener, dropping hanging requests and open connections. Safe to call twice. */
  close(): Promise<void> {
    this.#closed ??= Promise.all(this.#listeners.map((listener) => listener.close())).then(() => undefined);
    return this.#closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
