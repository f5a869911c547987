import { RETRY_MODES } from "@lanyard/retry";
import { ClientError } from "./errors.js";
import type { ServiceDefinition } from "./model.js";
import type { ClientConfig, Setting, SettingsFallback } from "./settings.js";

// The AWS_* environment variables the SDKs read, as fallbacks for the client options. Only
// runtimes with `process.env` have them: the browser build of `#platform` leaves this module out.
// On Node the variables with a fixed set of values are read by @lanyard/credentials' setting rules
// instead (platform/node-env.ts), which fail on a value they do not take; those rules load Node's
// built-ins, so a worker bundle keeps this lighter reading, which skips such a value.

export type Env = Record<string, string | undefined>;

/** Environment variables where there are any; browsers have none. */
export function processEnv(): Env {
  return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
}

/** The variable's value as a setting when `parse` accepts it. */
function fromEnv<T>(env: Env, name: string, parse: (text: string) => T | undefined): Setting<T> | undefined {
  const text = env[name];
  const value = text ? parse(text) : undefined;
  return value === undefined ? undefined : { value, source: name };
}

const isTrue = (text: string) => text.toLowerCase() === "true";

/** The value when it is one of `choices`, else undefined. */
function oneOf<T extends string>(choices: readonly T[]): (text: string) => T | undefined {
  return (text) => choices.find((choice) => choice === text.toLowerCase());
}

function attempts(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && value >= 1) return value;
  // The value is not echoed: it came from the environment and is not repeated into logs.
  throw new ClientError("config", "AWS_MAX_ATTEMPTS must be a whole number of at least 1");
}

/** The variables read as plain text on every runtime; the configured endpoint unless `ignoreEndpoints`. */
export function textSettings(
  service: ServiceDefinition,
  env: Env,
  ignoreEndpoints: boolean,
): SettingsFallback {
  return {
    // AWS_REGION only: the JavaScript SDK v3 does not read the AWS CLI's AWS_DEFAULT_REGION.
    region: fromEnv(env, "AWS_REGION", String),
    userAgentAppId: fromEnv(env, "AWS_SDK_UA_APP_ID", String),
    caBundle: fromEnv(env, "AWS_CA_BUNDLE", String),
    // The service's own variable wins (AWS SDKs, "Service-specific endpoints").
    endpoint: ignoreEndpoints
      ? undefined
      : (fromEnv(env, service.endpointVariable, String) ?? fromEnv(env, "AWS_ENDPOINT_URL", String)),
  };
}

/** The environment's values for a client's static settings; `config` only decides what is parsed. */
export function envSettings(
  service: ServiceDefinition,
  config: ClientConfig,
  env: Env = processEnv(),
): SettingsFallback {
  const serviceSettings: Record<string, Setting<string>> = {};
  for (const setting of service.settings ?? []) {
    const found = fromEnv(env, setting.env, oneOf(setting.choices));
    if (found !== undefined) serviceSettings[setting.option] = found;
  }
  return {
    ...textSettings(service, env, env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === "true"),
    useFipsEndpoint: fromEnv(env, "AWS_USE_FIPS_ENDPOINT", isTrue),
    useDualstackEndpoint: fromEnv(env, "AWS_USE_DUALSTACK_ENDPOINT", isTrue),
    retryMode: fromEnv(env, "AWS_RETRY_MODE", oneOf(RETRY_MODES)),
    // A bad AWS_MAX_ATTEMPTS fails only a client that would use it, not one given maxAttempts.
    maxAttempts: config.maxAttempts === undefined ? fromEnv(env, "AWS_MAX_ATTEMPTS", attempts) : undefined,
    service: serviceSettings,
  };
}
