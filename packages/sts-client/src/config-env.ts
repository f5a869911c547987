import type { FallbackSettings, RetryMode, STSClientConfig } from "./config.js";
import { STSClientError } from "./errors.js";
import type { RegionSetting } from "./region.js";

// The AWS_* environment variables the SDKs read, as fallbacks for the client options. Only
// runtimes with `process.env` have them: the browser build of `#platform` leaves this module out.

export type Env = Record<string, string | undefined>;

/** Environment variables where there are any; browsers have none. */
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

const RETRY_MODES: readonly RetryMode[] = ["standard", "adaptive", "legacy"];

/** The environment's values for the static settings; `config` only decides what is parsed. */
export function envFallback(config: STSClientConfig, env: Env = processEnv()): FallbackSettings {
  const endpointVariable = env.AWS_ENDPOINT_URL_STS ? "AWS_ENDPOINT_URL_STS" : "AWS_ENDPOINT_URL";
  const endpoint = env[endpointVariable] || undefined;
  return {
    endpoint,
    ...(endpoint === undefined ? {} : { endpointSource: endpointVariable }),
    useFipsEndpoint: envBoolean(env.AWS_USE_FIPS_ENDPOINT),
    useDualstackEndpoint: envBoolean(env.AWS_USE_DUALSTACK_ENDPOINT),
    stsRegionalEndpoints: oneOf(env.AWS_STS_REGIONAL_ENDPOINTS?.toLowerCase(), ["regional", "legacy"]),
    retryMode: oneOf(env.AWS_RETRY_MODE, RETRY_MODES),
    // A bad AWS_MAX_ATTEMPTS fails only a client that would use it, not one given maxAttempts.
    maxAttempts: config.maxAttempts === undefined ? envMaxAttempts(env.AWS_MAX_ATTEMPTS) : undefined,
  };
}

function envMaxAttempts(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const attempts = Number(value);
  if (Number.isInteger(attempts) && attempts >= 1) return attempts;
  throw new STSClientError("config", `AWS_MAX_ATTEMPTS must be a whole number of at least 1, got "${value}"`);
}

/** The region the environment names, read at call time; undefined means "ask the platform". */
export function envRegion(env: Env = processEnv()): RegionSetting | undefined {
  if (env.AWS_REGION) return { value: env.AWS_REGION, source: "AWS_REGION" };
  if (env.AWS_DEFAULT_REGION) return { value: env.AWS_DEFAULT_REGION, source: "AWS_DEFAULT_REGION" };
  return undefined;
}
