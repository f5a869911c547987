import { hideSecrets } from "@lanyard/credentials";
import { AbortError, asyncDispose, type HttpRequest, type Transport } from "@lanyard/http";
import { type Attempt, ClockSkew, type RetryStrategy, retry } from "@lanyard/retry";
import {
  defaultTransport,
  envSettings,
  loadProtocol,
  platformUserAgent,
  profileSettings,
  retryStrategyFor,
  userAgentHeader,
} from "#platform";
import { callSignal, throwIfAborted, untilAborted } from "./abort.js";
import { isCredentials } from "./auth.js";
import { callSecrets } from "./call-secrets.js";
import { checkConfig } from "./check-config.js";
import { describeFailure } from "./describe.js";
import { resolveServiceEndpoint } from "./endpoint.js";
import { type LogEvent, logFunction } from "./logger.js";
import type { ResponseMetadata, WithMetadata } from "./metadata.js";
import type { AuthScheme, Operation, ParentClient, ServiceDefinition, ServiceEndpoint } from "./model.js";
import { type Parsed, parse, type QueryProtocol } from "./parse.js";
import { checkRegion } from "./region.js";
import { hideSensitive } from "./sensitive-output.js";
import {
  type ClientConfig,
  type ClientSettings,
  layered,
  resolveSettings,
  type SettingsFallback,
} from "./settings.js";
import { answerFromStub } from "./stub.js";
import { userAgent } from "./user-agent.js";
import { validate } from "./validate.js";

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call: pending I/O stops and the call rejects with an `AbortError` (code `aborted`). */
  signal?: AbortSignal;
}

/** What one call needs on every attempt. */
interface Call {
  operation: Operation<unknown, unknown>;
  request: HttpRequest;
  endpoint: ServiceEndpoint;
  auth: { scheme: AuthScheme; identity: Awaited<ReturnType<AuthScheme["identity"]>> } | undefined;
  signal: AbortSignal | undefined;
  protocol: QueryProtocol;
  /**
   * What this call sends that an error response must not repeat (see call-secrets.ts), worked out
   * only when an error response comes: a success never pays for it.
   */
  secrets: () => readonly string[];
}

/**
 * A copy of the options whose static credentials hide the secret and token from
 * `util.inspect` and `JSON.stringify`, so logging `client.config` is safe. They are checked when
 * the first signed call needs them (auth.ts), so a bundle of unsigned operations carries no checks.
 */
function redactedConfig<Config extends ClientConfig>(config: Config): Readonly<Config> {
  const { credentials } = config;
  if (!isCredentials(credentials)) return { ...config };
  return { ...config, credentials: hideSecrets({ ...credentials }) };
}

/**
 * The awsQuery client of one service: validate → serialize → endpoint → sign → send → parse,
 * with the last four inside the retry loop. A generated client binds its service into it and
 * adds one method or function per operation.
 */
export class QueryClient<Config extends ClientConfig = ClientConfig> implements ParentClient {
  readonly config: Readonly<Config>;
  readonly service: ServiceDefinition;
  readonly #env: SettingsFallback;
  readonly #log: ((event: LogEvent) => void) | undefined;
  readonly #clock = new ClockSkew();
  #settings: Promise<ClientSettings> | undefined;
  #strategy: RetryStrategy | undefined;
  #userAgent: string | undefined;
  /** The default transport, made on first use (on Node its module loads then); never the option's. */
  #transport: Promise<Transport> | undefined;
  #endpoint: Promise<ServiceEndpoint> | undefined;

  constructor(service: ServiceDefinition, config: Config) {
    checkConfig(config, service);
    this.service = service;
    this.config = redactedConfig(config);
    this.#env = envSettings(service, config);
    // The options and the environment are checked now, so a bad endpoint fails where it is set;
    // the shared config file's layer joins them on the first call (it takes file I/O).
    resolveSettings(config, service, this.#env);
    this.#log = logFunction(config.logger);
  }

  /**
   * Every setting, each from the option, else the environment, else the profile in the shared
   * config file (Node), else its default, with where it came from. Read once per client; a
   * failure is not kept, so a later call reads the files again.
   */
  resolveSettings(): Promise<Readonly<ClientSettings>> {
    this.#settings ??= profileSettings(this.service, this.config.profile)
      .then((profile) => resolveSettings(this.config, this.service, layered(this.#env, profile)))
      .catch((error: unknown) => {
        this.#settings = undefined;
        throw error;
      });
    return this.#settings;
  }

  /** Runs one operation through the pipeline. */
  async send<Input, Output>(
    operation: Operation<Input, Output>,
    input: Input,
    options?: CallOptions,
  ): Promise<WithMetadata<Output>> {
    const signal = callSignal(options);
    throwIfAborted(signal);
    validate(operation, input);
    const stubs = this.config.stubResponses;
    if (stubs) return answerFromStub(operation, input, stubs);
    // Loads (on Node's first call) while the settings are read; awaited below, so a failure is
    // never unhandled even when reading the settings fails first.
    const loading = loadProtocol();
    loading.catch(() => {});
    const settings = await untilAborted(this.resolveSettings(), signal);
    const endpoint = await untilAborted(this.resolveEndpoint(), signal);
    const scheme = operation.auth;
    const identity = scheme && (await untilAborted(scheme.identity(this), signal));
    const protocol = await untilAborted(loading, signal);
    const body = protocol.serialize(operation.name, input as Record<string, unknown>, operation.model);
    const { shapes, operations } = operation.model;
    const call: Call = {
      operation: operation as Operation<unknown, unknown>,
      request: buildRequest(endpoint, body, protocol.FORM_CONTENT_TYPE),
      endpoint,
      auth: scheme && identity && { scheme, identity },
      signal,
      protocol,
      secrets: () =>
        callSecrets(shapes, operations[operation.name]?.input?.shape, input, identity || undefined),
    };
    const outcome = await retry(
      this.#strategyFor(settings),
      (attempt) => this.#attempt(call, attempt, settings),
      {
        describe: describeFailure,
        signal,
        clock: this.#clock,
      },
    );
    const partial = { attempts: outcome.attempts, totalRetryDelay: outcome.totalRetryDelayMs };
    if (!outcome.ok) throw finalError(outcome.error, partial, signal);
    const { output, httpStatusCode, requestId } = outcome.value as Parsed<Output>;
    const result = { ...output, $metadata: { httpStatusCode, requestId, ...partial } };
    const outputShape = operations[operation.name]?.output?.shape;
    if (outputShape !== undefined) hideSensitive(shapes, shapes[outputShape], result);
    return result;
  }

  /**
   * One attempt: signed with this attempt's clock (a retry after a clock-skew error is re-signed),
   * sent, parsed. The user agent is added after signing and stays unsigned, as in the SDKs, so a
   * proxy rewriting it cannot break the signature.
   */
  async #attempt(call: Call, attempt: Attempt, settings: ClientSettings): Promise<Parsed<unknown>> {
    const { operation, request, endpoint, auth, signal } = call;
    const signed = auth
      ? await auth.scheme.sign(request, auth.identity, endpoint, attempt.now())
      : { ...request, headers: { ...request.headers } };
    this.#userAgent ??= userAgent(this.service, platformUserAgent(), settings.userAgentAppId.value);
    signed.headers[userAgentHeader] = this.#userAgent;
    const log = (level: LogEvent["level"], event: LogEvent["event"], details: Partial<LogEvent>) =>
      this.#log?.({ level, event, operation: operation.name, attempt: attempt.number, ...details });
    try {
      const transport = await untilAborted(this.#transportInstance(settings), signal);
      const response = await transport.send(signed, { signal });
      const parsed = parse(call.protocol, this.service, operation, response, attempt.number, call.secrets);
      log("debug", "response", { httpStatusCode: parsed.httpStatusCode, requestId: parsed.requestId });
      return parsed;
    } catch (error) {
      const failure = error as { code?: string; $metadata?: ResponseMetadata };
      log("warn", "failure", { code: failure.code, httpStatusCode: failure.$metadata?.httpStatusCode });
      throw error;
    }
  }

  #strategyFor(settings: ClientSettings): RetryStrategy {
    this.#strategy ??=
      this.config.retryStrategy ?? retryStrategyFor(settings.retryMode, settings.maxAttempts.value);
    return this.#strategy;
  }

  #transportInstance(settings: ClientSettings): Promise<Transport> {
    const { transport } = this.config;
    if (transport) return Promise.resolve(transport);
    this.#transport ??= defaultTransport(settings).catch((error: unknown) => {
      this.#transport = undefined;
      throw error;
    });
    return this.#transport;
  }

  /** The transport this client sends with; its default one is made on first use and closed by `close()`. */
  async resolveTransport(): Promise<Transport> {
    return this.config.transport ?? this.#transportInstance(await this.resolveSettings());
  }

  /**
   * The region from the option (a value or a provider), the environment, or (on Node) the
   * profile in the shared config file, checked to be a Region name: it becomes part of the
   * endpoint's host, so a bad one must never reach a URL.
   */
  async resolveRegion(): Promise<string | undefined> {
    const option = this.config.region;
    if (typeof option === "function") return checkRegion(await option(), "the region option's provider");
    if (option !== undefined && option !== "") return checkRegion(option, "the region option");
    const { region } = await this.resolveSettings();
    return region.value === undefined ? undefined : checkRegion(region.value, region.source);
  }

  /** Resolves the endpoint once per client; a failure is not cached, so a later call retries. */
  resolveEndpoint(): Promise<ServiceEndpoint> {
    this.#endpoint ??= Promise.all([this.resolveRegion(), this.resolveSettings()])
      .then(([region, settings]) => resolveServiceEndpoint(this.service, settings, region))
      .catch((error: unknown) => {
        this.#endpoint = undefined;
        throw error;
      });
    return this.#endpoint;
  }

  /** The configuration with credentials left out, for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const { credentials, ...rest } = this.config;
    return { ...rest, credentials: credentials === undefined ? undefined : "[redacted]" };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
    return this.toJSON();
  }

  /** Frees the transport's connections. A transport passed in the config is left to its owner. */
  async close(): Promise<void> {
    const made = this.#transport;
    this.#transport = undefined;
    const transport = await made?.catch(() => undefined);
    await transport?.close();
  }

  /** `await using client = new …Client(…)` closes the client when the scope ends. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** The unsigned POST of an awsQuery call. */
function buildRequest(endpoint: ServiceEndpoint, body: string, contentType: string): HttpRequest {
  return {
    method: "POST",
    url: endpoint.url,
    headers: { ...endpoint.headers, host: endpoint.url.host, "content-type": contentType },
    body,
  };
}

/** The last attempt's error with the call's attempt count and delay; an aborted call's is an AbortError. */
function finalError(
  error: unknown,
  partial: { attempts: number; totalRetryDelay: number },
  signal: AbortSignal | undefined,
): unknown {
  if (signal?.aborted && !(error instanceof AbortError)) return new AbortError({ cause: error });
  if (typeof error === "object" && error !== null) {
    const previous = (error as { $metadata?: ResponseMetadata }).$metadata;
    (error as { $metadata: ResponseMetadata }).$metadata = { ...previous, ...partial };
  }
  return error;
}
