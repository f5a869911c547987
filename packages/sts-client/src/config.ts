import type { AwsCredentials, CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import type { RetryStrategy } from "@lanyard/retry";
import { checkEndpointUrl } from "./endpoint-url.js";
import type { LogEvent } from "./logger.js";
import type { StubResponses } from "./stub.js";

export type RetryMode = "standard" | "adaptive" | "legacy";

/** Options of `new STSClient(config)`; every one is optional. */
export interface STSClientConfig {
  /** AWS Region. Default: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the shared config file (Node). */
  region?: string;
  /** Static credentials or an async provider. Default (Node): the `@lanyard/credentials` default chain. */
  credentials?: AwsCredentials | CredentialProvider;
  /** Send every call to this URL instead of the resolved endpoint (e.g. a local emulator). */
  endpoint?: string | URL;
  /** Use a FIPS endpoint. Default: `AWS_USE_FIPS_ENDPOINT` or false. */
  useFipsEndpoint?: boolean;
  /** Use a dual-stack (IPv6) endpoint. Default: `AWS_USE_DUALSTACK_ENDPOINT` or false. */
  useDualstackEndpoint?: boolean;
  /** `legacy` sends the legacy regions to `sts.amazonaws.com`. Default: `AWS_STS_REGIONAL_ENDPOINTS` or `regional`. */
  stsRegionalEndpoints?: "regional" | "legacy";
  /** Default: `AWS_RETRY_MODE` or `standard`. */
  retryMode?: RetryMode;
  /** Attempts per call, including the first. Default: `AWS_MAX_ATTEMPTS` or 3. */
  maxAttempts?: number;
  /** A ready-made retry strategy (overrides retryMode/maxAttempts). */
  retryStrategy?: RetryStrategy;
  /** Default: undici keep-alive pool on Node, fetch elsewhere. */
  transport?: Transport;
  /** Called for each attempt, response and retry; never receives credentials or bodies. */
  logger?: (event: LogEvent) => void;
  /** Appended to the user agent as `app/<id>`. */
  userAgentAppId?: string;
  /** `STSClient` answers calls from these stubs instead of the network (unit tests of code that uses it). */
  stubResponses?: StubResponses;
}

/** The settings that do not need I/O, resolved once per client. */
export interface StaticSettings {
  useFips: boolean;
  useDualStack: boolean;
  useGlobalEndpoint: boolean;
  endpoint: string | undefined;
  retryMode: RetryMode;
  maxAttempts: number | undefined;
}

/** The environment's settings (config-env.ts), with where its endpoint came from for errors. */
export interface FallbackSettings extends STSClientConfig {
  endpointSource?: string;
}

function checkedEndpoint(config: STSClientConfig, fallback: FallbackSettings): string | undefined {
  if (config.endpoint !== undefined) return checkEndpointUrl(config.endpoint, "the endpoint option");
  if (fallback.endpoint !== undefined) {
    return checkEndpointUrl(fallback.endpoint, fallback.endpointSource ?? "the endpoint setting");
  }
  return undefined;
}

/** Each setting from the options, else from `fallback` (the environment's, see config-env.ts), else its default. */
export function resolveSettings(config: STSClientConfig, fallback: FallbackSettings = {}): StaticSettings {
  const endpoint = checkedEndpoint(config, fallback);
  return {
    useFips: config.useFipsEndpoint ?? fallback.useFipsEndpoint ?? false,
    useDualStack: config.useDualstackEndpoint ?? fallback.useDualstackEndpoint ?? false,
    useGlobalEndpoint: (config.stsRegionalEndpoints ?? fallback.stsRegionalEndpoints) === "legacy",
    endpoint,
    retryMode: config.retryMode ?? fallback.retryMode ?? "standard",
    maxAttempts: config.maxAttempts ?? fallback.maxAttempts,
  };
}
