import {
  type AwsCredentials,
  type CredentialProvider,
  cached,
  createCredentials,
} from "@lanyard/credentials";
import { AbortError, type HttpRequest, type Transport } from "@lanyard/http";
import { serialize } from "@lanyard/query-protocol";
import { type Attempt, ClockSkew, createRetryStrategy, type RetryStrategy, retry } from "@lanyard/retry";
import {
  configRegion,
  defaultCredentials,
  defaultTransport,
  envFallback,
  envRegion,
  platformUserAgent,
  userAgentHeader,
} from "#platform";
import { authorize, buildRequest } from "./authorize.js";
import { resolveSettings, type STSClientConfig, type StaticSettings } from "./config.js";
import { describeFailure } from "./describe.js";
import { type ResolvedStsEndpoint, resolveStsEndpoint } from "./endpoint.js";
import { STSClientError } from "./errors.js";
import type { LogEvent } from "./logger.js";
import type { ResponseMetadata, WithMetadata } from "./metadata.js";
import type { Operation } from "./model.js";
import { type Parsed, parse } from "./parse.js";
import { checkRegion, type RegionSetting } from "./region.js";
import { userAgent } from "./user-agent.js";
import { validate } from "./validate.js";

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call: pending I/O stops and the call rejects with an `AbortError` (code `aborted`). */
  signal?: AbortSignal;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError({ cause: signal.reason });
}

/**
 * Settles with `work`, or rejects with an AbortError as soon as the signal aborts: a slow
 * credential source (IMDS, a credential process) must not hold an aborted call.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  throwIfAborted(signal);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortError({ cause: signal.reason }));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener("abort", onAbort!));
}

function isCredentials(value: unknown): value is AwsCredentials {
  return typeof value === "object" && value !== null && "accessKeyId" in value;
}

/**
 * A copy of the options whose static credentials hide the secret and token from
 * `util.inspect` and `JSON.stringify` (createCredentials), so logging `client.config` is safe.
 */
function redactedConfig(config: STSClientConfig): Readonly<STSClientConfig> {
  const { credentials } = config;
  if (!isCredentials(credentials)) return { ...config };
  return { ...config, credentials: createCredentials(credentials, "the credentials option") };
}

/**
 * The pipeline shared by every operation: validate → serialize → endpoint → sign → send →
 * parse, with the last four inside the retry loop. `STSClient` adds one method per operation.
 */
export class STSBaseClient {
  readonly config: Readonly<STSClientConfig>;
  readonly #settings: StaticSettings;
  readonly #strategy: RetryStrategy;
  readonly #clock = new ClockSkew();
  readonly #userAgent: { header: string; value: string };
  #transport: Transport | undefined;
  #endpoint: Promise<ResolvedStsEndpoint> | undefined;
  #credentials: CredentialProvider | undefined;

  constructor(config: STSClientConfig = {}) {
    this.config = redactedConfig(config);
    this.#settings = resolveSettings(config, envFallback(config));
    const { retryMode, maxAttempts } = this.#settings;
    this.#strategy = config.retryStrategy ?? createRetryStrategy({ mode: retryMode, maxAttempts });
    this.#userAgent = {
      header: userAgentHeader,
      value: userAgent(platformUserAgent(), config.userAgentAppId),
    };
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
    // Stub mode is answered by STSClient (see stub.ts), so this class's bundle does not carry it.
    if (this.config.stubResponses)
      throw new STSClientError("config", "stubResponses works with STSClient, not STSBaseClient");
    const body = serialize(operation.name, input as Record<string, unknown>, operation.model);
    const endpoint = await untilAborted(this.resolveEndpoint(), signal);
    const credentials = operation.noAuth ? undefined : await untilAborted(this.resolveCredentials(), signal);
    const request = buildRequest(endpoint, body);
    const outcome = await retry(
      this.#strategy,
      (attempt) => this.#attempt(operation, request, endpoint, credentials, attempt, signal),
      { describe: describeFailure, signal, clock: this.#clock },
    );
    const partial = { attempts: outcome.attempts, totalRetryDelay: outcome.totalRetryDelayMs };
    if (!outcome.ok) throw this.#finalError(outcome.error, partial, signal);
    const { output, httpStatusCode, requestId } = outcome.value;
    return { ...output, $metadata: { httpStatusCode, requestId, ...partial } };
  }

  async #attempt<Output>(
    operation: Operation<unknown, Output>,
    request: HttpRequest,
    endpoint: ResolvedStsEndpoint,
    credentials: AwsCredentials | undefined,
    attempt: Attempt,
    signal: AbortSignal | undefined,
  ): Promise<Parsed<Output>> {
    const signed = await authorize(request, endpoint, credentials, attempt.now(), this.#userAgent);
    const log = (level: LogEvent["level"], event: LogEvent["event"], details: Partial<LogEvent>) =>
      this.config.logger?.({ level, event, operation: operation.name, attempt: attempt.number, ...details });
    try {
      const response = await this.#transportInstance().send(signed, { signal });
      const parsed = parse(operation, response, attempt.number);
      log("debug", "response", { httpStatusCode: parsed.httpStatusCode, requestId: parsed.requestId });
      return parsed;
    } catch (error) {
      const failure = error as { code?: string; $metadata?: ResponseMetadata };
      log("warn", "failure", { code: failure.code, httpStatusCode: failure.$metadata?.httpStatusCode });
      throw error;
    }
  }

  #finalError(
    error: unknown,
    partial: { attempts: number; totalRetryDelay: number },
    signal?: AbortSignal,
  ): unknown {
    if (signal?.aborted && !(error instanceof AbortError)) return new AbortError({ cause: error });
    if (typeof error === "object" && error !== null) {
      const previous = (error as { $metadata?: ResponseMetadata }).$metadata;
      (error as { $metadata: ResponseMetadata }).$metadata = { ...previous, ...partial };
    }
    return error;
  }

  #transportInstance(): Transport {
    const transport = this.#transport ?? this.config.transport ?? defaultTransport();
    this.#transport = transport;
    return transport;
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
  resolveEndpoint(): Promise<ResolvedStsEndpoint> {
    this.#endpoint ??= this.resolveRegion()
      .then((region) => resolveStsEndpoint(this.#settings, region))
      .catch((error: unknown) => {
        this.#endpoint = undefined;
        throw error;
      });
    return this.#endpoint;
  }

  /** The credentials signing the next call (cached and refreshed by the provider). */
  async resolveCredentials(): Promise<AwsCredentials> {
    if (this.#credentials === undefined) {
      const configured = this.config.credentials;
      this.#credentials =
        configured === undefined
          ? defaultCredentials()
          : isCredentials(configured)
            ? async () => configured
            : cached(configured);
    }
    if (this.#credentials === undefined) {
      throw new STSClientError(
        "missing-credentials",
        "no credentials: pass `credentials` to STSClient (this platform has no default credential chain)",
      );
    }
    return this.#credentials();
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
