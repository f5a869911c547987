import type { AwsCredentials, CredentialProvider } from "@lanyard/credentials";
import type { Transport } from "@lanyard/http";
import type { RetryMode, RetryStrategy } from "@lanyard/retry";
import { checkEndpointUrl } from "./endpoint-url.js";
import type { Logger } from "./logger.js";
import type { ServiceDefinition } from "./model.js";
import type { StubResponses } from "./stub.js";

/** Options of every generated client (`new IAMClient(config)`, …); every one is optional. */
export interface ClientConfig {
  /** AWS Region, or an async provider of it. Default: `AWS_REGION`, then the profile's `region` (Node). */
  region?: string | (() => Promise<string>);
  /**
   * The shared-config profile whose settings and credentials the client uses (Node). Default:
   * `AWS_PROFILE`, else `default`.
   */
  profile?: string;
  /** Static credentials or an async provider. Default (Node): the `@lanyard/credentials` default chain. */
  credentials?: AwsCredentials | CredentialProvider;
  /** Send every call to this URL instead of the resolved endpoint (e.g. a local emulator). */
  endpoint?: string | URL;
  /** Use a FIPS endpoint. Default: `AWS_USE_FIPS_ENDPOINT` or false. */
  useFipsEndpoint?: boolean;
  /** Use a dual-stack (IPv6) endpoint. Default: `AWS_USE_DUALSTACK_ENDPOINT` or false. */
  useDualstackEndpoint?: boolean;
  /** Default: `AWS_RETRY_MODE` or `standard`. */
  retryMode?: RetryMode;
  /** Attempts per call, including the first. Default: `AWS_MAX_ATTEMPTS` or 3. */
  maxAttempts?: number;
  /** A ready-made retry strategy (overrides retryMode/maxAttempts). */
  retryStrategy?: RetryStrategy;
  /**
   * Default: on Node the node:http keep-alive transport (honouring HTTPS_PROXY, HTTP_PROXY,
   * NO_PROXY and the `ca_bundle` setting), fetch elsewhere.
   */
  transport?: Transport;
  /**
   * Told of each response and failed attempt: a function, or a console-like object (`console`)
   * whose `debug`/`warn` method gets the event. Never receives credentials, headers or bodies.
   */
  logger?: Logger;
  /** Appended to the user agent as `app/<id>`. Default: `AWS_SDK_UA_APP_ID`, then `sdk_ua_app_id`. */
  userAgentAppId?: string;
  /** Answer calls from these stubs instead of the network (unit tests of code that uses a client). */
  stubResponses?: StubResponses;
}

/** Where a setting's value came from, named in errors: `the region option`, `AWS_REGION`, … */
export type SettingSource = string;

/** A setting's value and where it came from. */
export interface Setting<T> {
  value: T;
  source: SettingSource;
}

/**
 * The settings that need no I/O, resolved once per client. Each comes from the option, else
 * from the fallback (the environment's, see env.ts), else its default, and says which.
 */
export interface ClientSettings {
  /** The region found without the option (which may be a provider): the environment's or the profile's. */
  region: Setting<string | undefined>;
  endpoint: Setting<string | undefined>;
  useFipsEndpoint: Setting<boolean>;
  useDualstackEndpoint: Setting<boolean>;
  retryMode: Setting<RetryMode>;
  maxAttempts: Setting<number | undefined>;
  userAgentAppId: Setting<string | undefined>;
  /** A PEM bundle file to trust instead of the default roots (`AWS_CA_BUNDLE`, `ca_bundle`; Node). */
  caBundle: Setting<string | undefined>;
  /** The service's own settings by option name (a regional-endpoints mode, say). */
  service: Record<string, Setting<string>>;
}

/** Settings found outside the options, each with its source: the environment's, the profile's. */
export type SettingsFallback = Partial<ClientSettings>;

/** The first layer's settings, each missing one taken from the second (environment over profile). */
export function layered(first: SettingsFallback, second: SettingsFallback): SettingsFallback {
  const merged: SettingsFallback = { ...second };
  for (const [name, setting] of Object.entries(first)) {
    if (setting !== undefined && name !== "service") Object.assign(merged, { [name]: setting });
  }
  merged.service = { ...second.service, ...first.service };
  return merged;
}

type Options = ClientConfig & Record<string, unknown>;

/** The option when set, else the fallback's value, else the default. */
function pick<T>(config: Options, name: string, fallback: Setting<T> | undefined, value: T): Setting<T> {
  const option = config[name] as T | undefined;
  if (option !== undefined) return { value: option, source: `the ${name} option` };
  return fallback ?? { value, source: "the default" };
}

/** Resolves every static setting of a client of `service`; an endpoint is checked before it is used. */
export function resolveSettings(
  config: ClientConfig,
  service: ServiceDefinition,
  fallback: SettingsFallback = {},
): ClientSettings {
  const options = config as Options;
  const endpoint = pick<string | URL | undefined>(options, "endpoint", fallback.endpoint, undefined);
  const own: Record<string, Setting<string>> = {};
  for (const setting of service.settings ?? []) {
    own[setting.option] = pick(options, setting.option, fallback.service?.[setting.option], setting.default);
  }
  return {
    region: fallback.region ?? { value: undefined, source: "the default" },
    endpoint: {
      value: endpoint.value === undefined ? undefined : checkEndpointUrl(endpoint.value, endpoint.source),
      source: endpoint.source,
    },
    useFipsEndpoint: pick(options, "useFipsEndpoint", fallback.useFipsEndpoint, false),
    useDualstackEndpoint: pick(options, "useDualstackEndpoint", fallback.useDualstackEndpoint, false),
    retryMode: pick<RetryMode>(options, "retryMode", fallback.retryMode, "standard"),
    maxAttempts: pick<number | undefined>(options, "maxAttempts", fallback.maxAttempts, undefined),
    userAgentAppId: pick<string | undefined>(options, "userAgentAppId", fallback.userAgentAppId, undefined),
    caBundle: fallback.caBundle ?? { value: undefined, source: "the default" },
    service: own,
  };
}
