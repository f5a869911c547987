import type { AwsCredentials, CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import type { RetryStrategy } from "@lanyard/retry";
import { STSClientError } from "./errors.js";
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

type Env = Record<string, string | undefined>;

/** Environment variables where there are any; browsers and workers have none. */
export function processEnv(): Env {
  return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
}

function envBoolean(value: string | undefined): boolean | undefined {
  return value ? value.toLowerCase() === "true" : undefined;
}

/** The value when it is one of `choices`, else undefined. */
function oneOf<T extends string>(value: string | undefined, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value);
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

export function staticSettings(config: STSClientConfig, env: Env = processEnv()): StaticSettings {
  const regional =
    config.stsRegionalEndpoints ??
    oneOf(env.AWS_STS_REGIONAL_ENDPOINTS?.toLowerCase(), ["regional", "legacy"]);
  const endpoint = config.endpoint ?? env.AWS_ENDPOINT_URL_STS ?? env.AWS_ENDPOINT_URL;
  return {
    useFips: config.useFipsEndpoint ?? envBoolean(env.AWS_USE_FIPS_ENDPOINT) ?? false,
    useDualStack: config.useDualstackEndpoint ?? envBoolean(env.AWS_USE_DUALSTACK_ENDPOINT) ?? false,
    useGlobalEndpoint: regional === "legacy",
    endpoint: endpoint ? String(endpoint) : undefined,
    retryMode:
      config.retryMode ?? oneOf(env.AWS_RETRY_MODE, ["standard", "adaptive", "legacy"]) ?? "standard",
    maxAttempts: config.maxAttempts ?? envMaxAttempts(env.AWS_MAX_ATTEMPTS),
  };
}

function envMaxAttempts(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const attempts = Number(value);
  if (Number.isInteger(attempts) && attempts >= 1) return attempts;
  throw new STSClientError("config", `AWS_MAX_ATTEMPTS must be a whole number of at least 1, got "${value}"`);
}

/** Region from the options, then the environment; undefined means "ask the platform". */
export function regionFromOptionsOrEnv(config: STSClientConfig, env: Env = processEnv()): string | undefined {
  return config.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}
