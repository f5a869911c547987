import { createCredentials } from "@lanyard/credentials";
import { AbortError, type HttpRequest, type Transport } from "@lanyard/http";
import { FORM_CONTENT_TYPE, serialize } from "@lanyard/query-protocol";
import { type Attempt, ClockSkew, createRetryStrategy, type RetryStrategy, retry } from "@lanyard/retry";
import {
  configRegion,
  defaultTransport,
  envRegion,
  envSettings,
  platformUserAgent,
  userAgentHeader,
} from "#platform";
import { throwIfAborted, untilAborted } from "./abort.js";
import { isCredentials } from "./auth.js";
import { describeFailure } from "./describe.js";
import { resolveServiceEndpoint } from "./endpoint.js";
import type { LogEvent } from "./logger.js";
import type { ResponseMetadata, WithMetadata } from "./metadata.js";
import type { AuthScheme, Operation, ServiceDefinition, ServiceEndpoint } from "./model.js";
import { type Parsed, parse } from "./parse.js";
import { checkRegion, type RegionSetting } from "./region.js";
import { type ClientConfig, type ClientSettings, resolveSettings } from "./settings.js";
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
}

/**
 * A copy of the options whose static credentials hide the secret and token from
 * `util.inspect` and `JSON.stringify` (createCredentials), so logging `client.config` is safe.
 */
function redactedConfig<Config extends ClientConfig>(config: Config): Readonly<Config> {
  const { credentials } = config;
  if (!isCredentials(credentials)) return { ...config };
  return { ...config, credentials: createCredentials(credentials, "the credentials option") };
}

/**
 * The awsQuery client of one service: validate → serialize → endpoint → sign → send → parse,
 * with the last four inside the retry loop. A generated client binds its service into it and
 * adds one method or function per operation.
 */
export class QueryClient<Config extends ClientConfig = ClientConfig> {
  readonly config: Readonly<Config>;
  readonly service: ServiceDefinition;
  readonly settings: Readonly<ClientSettings>;
  readonly #strategy: RetryStrategy;
  readonly #clock = new ClockSkew();
  readonly #userAgent: string;
  #transport: Transport | undefined;
  #endpoint: Promise<ServiceEndpoint> | undefined;

  constructor(service: ServiceDefinition, config: Config) {
    this.service = service;
    this.config = redactedConfig(config);
    this.settings = resolveSettings(config, service, envSettings(service, config));
    const { retryMode, maxAttempts } = this.settings;
    this.#strategy =
      config.retryStrategy ?? createRetryStrategy({ mode: retryMode.value, maxAttempts: maxAttempts.value });
    this.#userAgent = userAgent(service, platformUserAgent(), config.userAgentAppId);
  }

  /** Runs one operation through the pipeline. */
  async send<Input, Output>(
    operation: Operation<Input, Output>,
    input: Input,
    options: CallOptions = {},
  ): Promise<WithMetadata<Output>> {
    const { signal } = options;
    throwIfAborted(signal);
    validate(operation, input);
    const stubs = this.config.stubResponses;
    if (stubs) return answerFromStub(operation, input, stubs);
    const body = serialize(operation.name, input as Record<string, unknown>, operation.model);
    const endpoint = await untilAborted(this.resolveEndpoint(), signal);
    const scheme = operation.auth;
    const identity = scheme && (await untilAborted(scheme.identity(this), signal));
    const call: Call = {
      operation: operation as Operation<unknown, unknown>,
      request: buildRequest(endpoint, body),
      endpoint,
      auth: scheme && identity && { scheme, identity },
      signal,
    };
    const outcome = await retry(this.#strategy, (attempt) => this.#attempt(call, attempt), {
      describe: describeFailure,
      signal,
      clock: this.#clock,
    });
    const partial = { attempts: outcome.attempts, totalRetryDelay: outcome.totalRetryDelayMs };
    if (!outcome.ok) throw finalError(outcome.error, partial, signal);
    const { output, httpStatusCode, requestId } = outcome.value as Parsed<Output>;
    return { ...output, $metadata: { httpStatusCode, requestId, ...partial } };
  }

  /**
   * One attempt: signed with this attempt's clock (a retry after a clock-skew error is re-signed),
   * sent, parsed. The user agent is added after signing and stays unsigned, as in the SDKs, so a
   * proxy rewriting it cannot break the signature.
   */
  async #attempt(call: Call, attempt: Attempt): Promise<Parsed<unknown>> {
    const { operation, request, endpoint, auth, signal } = call;
    const signed = auth
      ? await auth.scheme.sign(request, auth.identity, endpoint, attempt.now())
      : { ...request, headers: { ...request.headers } };
    signed.headers[userAgentHeader] = this.#userAgent;
    const log = (level: LogEvent["level"], event: LogEvent["event"], details: Partial<LogEvent>) =>
      this.config.logger?.({ level, event, operation: operation.name, attempt: attempt.number, ...details });
    try {
      const response = await this.#transportInstance().send(signed, { signal });
      const parsed = parse(this.service, operation, response, attempt.number);
      log("debug", "response", { httpStatusCode: parsed.httpStatusCode, requestId: parsed.requestId });
      return parsed;
    } catch (error) {
      const failure = error as { code?: string; $metadata?: ResponseMetadata };
      log("warn", "failure", { code: failure.code, httpStatusCode: failure.$metadata?.httpStatusCode });
      throw error;
    }
  }

  #transportInstance(): Transport {
    this.#transport ??= this.config.transport ?? defaultTransport();
    return this.#transport;
  }

  /**
   * The region from the options, the environment, or (on Node) the shared config file, checked
   * to be a Region name: it becomes part of the endpoint's host, so a bad one must never reach a URL.
   */
  async resolveRegion(): Promise<string | undefined> {
    const option = this.config.region;
    const found: RegionSetting | undefined =
      option === undefined || option === ""
        ? (envRegion() ?? (await configRegion()))
        : { value: option, source: "the region option" };
    return found === undefined ? undefined : checkRegion(found.value, found.source);
  }

  /** Resolves the endpoint once per client; a failure is not cached, so a later call retries. */
  resolveEndpoint(): Promise<ServiceEndpoint> {
    this.#endpoint ??= this.resolveRegion()
      .then((region) => resolveServiceEndpoint(this.service, this.settings, region))
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
    const transport = this.#transport;
    this.#transport = undefined;
    if (transport !== undefined && transport !== this.config.transport) await transport.close();
  }
}

/** The unsigned POST of an awsQuery call. */
function buildRequest(endpoint: ServiceEndpoint, body: string): HttpRequest {
  return {
    method: "POST",
    url: endpoint.url,
    headers: { ...endpoint.headers, host: endpoint.url.host, "content-type": FORM_CONTENT_TYPE },
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
