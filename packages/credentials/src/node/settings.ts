import { processEnv } from "../from-env.js";
import type { Env } from "../types.js";
import { resolveEndpointUrl } from "./endpoint-url.js";
import type { Setting, SettingContext } from "./setting-source.js";
import {
  boolean,
  httpUrl,
  lookupSetting,
  oneOf,
  positiveInteger,
  type SettingSpec,
  settingOrDefault,
  text,
} from "./setting-values.js";
import {
  loadSharedConfig,
  profileExists,
  profileName,
  resolveHome,
  type SharedConfig,
  type SharedConfigOptions,
} from "./shared-config.js";

export type RetryMode = "standard" | "adaptive" | "legacy";
export type StsRegionalEndpoints = "regional" | "legacy";
export type ImdsEndpointMode = "IPv4" | "IPv6";

/** Every setting a client reads from the environment and the shared config, with its source. */
export interface ConfigSettings {
  /** The selected profile (option, AWS_PROFILE, else `default`) and whether a file defines it. */
  profile: string;
  profileFound: boolean;
  region?: Setting<string>;
  /** The configured endpoint of `service` (see `resolveEndpointUrl`); absent when none or ignored. */
  endpointUrl?: Setting<string>;
  ignoreConfiguredEndpointUrls: Setting<boolean>;
  useFipsEndpoint: Setting<boolean>;
  useDualstackEndpoint: Setting<boolean>;
  stsRegionalEndpoints: Setting<StsRegionalEndpoints>;
  retryMode: Setting<RetryMode>;
  maxAttempts: Setting<number>;
  sdkUaAppId?: Setting<string>;
  caBundle?: Setting<string>;
  ec2MetadataServiceEndpoint?: Setting<string>;
  ec2MetadataServiceEndpointMode: Setting<ImdsEndpointMode>;
  ec2MetadataV1Disabled: Setting<boolean>;
}

export interface ResolveConfigSettingsOptions extends SharedConfigOptions {
  /** Defaults to AWS_PROFILE, then `default`. */
  profile?: string;
  /** Service identifier for the endpoint settings: `sts`, `sso`, `sso-oidc`, … (default `sts`). */
  service?: string;
}

function spec<T>(
  name: string,
  variable: string,
  parse: SettingSpec<T>["parse"],
  extra: Partial<SettingSpec<T>> = {},
): SettingSpec<T> {
  return { name, env: [variable], keys: [name], parse, ...extra };
}

// The SDKs and Tools Reference Guide's names. `region` is read credentials-file first, as
// the SDKs do; the JS SDK also reads the older spelling `sdk-ua-app-id`.
const REGION = spec("region", "AWS_REGION", text, { prefer: "credentials" });
const IGNORE_ENDPOINTS = spec(
  "ignore_configured_endpoint_urls",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
  boolean,
);
const FIPS = spec("use_fips_endpoint", "AWS_USE_FIPS_ENDPOINT", boolean);
const DUALSTACK = spec("use_dualstack_endpoint", "AWS_USE_DUALSTACK_ENDPOINT", boolean);
const STS_REGIONAL = spec(
  "sts_regional_endpoints",
  "AWS_STS_REGIONAL_ENDPOINTS",
  oneOf(["regional", "legacy"] as const),
);
const RETRY_MODE = spec("retry_mode", "AWS_RETRY_MODE", oneOf(["standard", "adaptive", "legacy"] as const));
const MAX_ATTEMPTS = spec("max_attempts", "AWS_MAX_ATTEMPTS", positiveInteger);
const APP_ID = spec("sdk_ua_app_id", "AWS_SDK_UA_APP_ID", text, { keys: ["sdk_ua_app_id", "sdk-ua-app-id"] });
const CA_BUNDLE = spec("ca_bundle", "AWS_CA_BUNDLE", text);
const IMDS_ENDPOINT = spec("ec2_metadata_service_endpoint", "AWS_EC2_METADATA_SERVICE_ENDPOINT", httpUrl);
const IMDS_MODE = spec(
  "ec2_metadata_service_endpoint_mode",
  "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
  oneOf(["IPv4", "IPv6"] as const),
);
const IMDS_V1_DISABLED = spec("ec2_metadata_v1_disabled", "AWS_EC2_METADATA_V1_DISABLED", boolean);

function optional<T>(setting: Setting<T> | undefined): { value?: Setting<T> } {
  return setting === undefined ? {} : { value: setting };
}

/** The lookup context for a loaded `SharedConfig` and the selected profile. */
export function settingContext(
  config: SharedConfig,
  options: { profile?: string | undefined; env: Env; home: string },
): SettingContext {
  return { config, env: options.env, profile: profileName(options.profile, options.env), home: options.home };
}

export function regionSetting(ctx: SettingContext): Setting<string> | undefined {
  return lookupSetting(ctx, REGION);
}

/** What decides a service's endpoint: its configured URL, FIPS and dual-stack. */
export interface EndpointSettings {
  endpointUrl?: Setting<string>;
  ignoreConfiguredEndpointUrls: Setting<boolean>;
  useFipsEndpoint: Setting<boolean>;
  useDualstackEndpoint: Setting<boolean>;
}

export function endpointSettings(ctx: SettingContext, service: string): EndpointSettings {
  const ignore = settingOrDefault(ctx, IGNORE_ENDPOINTS, false);
  const endpointUrl = resolveEndpointUrl(ctx, service, ignore.value);
  return {
    ...(endpointUrl === undefined ? {} : { endpointUrl }),
    ignoreConfiguredEndpointUrls: ignore,
    useFipsEndpoint: settingOrDefault(ctx, FIPS, false),
    useDualstackEndpoint: settingOrDefault(ctx, DUALSTACK, false),
  };
}

/** Instance metadata settings: endpoint, endpoint mode and whether IMDSv1 is refused. */
export interface ImdsSettings {
  ec2MetadataServiceEndpoint?: Setting<string>;
  ec2MetadataServiceEndpointMode: Setting<ImdsEndpointMode>;
  ec2MetadataV1Disabled: Setting<boolean>;
}

export function imdsSettings(ctx: SettingContext): ImdsSettings {
  const endpoint = lookupSetting(ctx, IMDS_ENDPOINT);
  return {
    ...(endpoint === undefined ? {} : { ec2MetadataServiceEndpoint: endpoint }),
    ec2MetadataServiceEndpointMode: settingOrDefault(ctx, IMDS_MODE, "IPv4"),
    ec2MetadataV1Disabled: settingOrDefault(ctx, IMDS_V1_DISABLED, false),
  };
}

/** A setting of one service's own, such as `s3_us_east_1_regional_endpoint`, with the values it takes. */
export interface ServiceSettingSpec<T extends string> {
  /** The profile key, e.g. `sts_regional_endpoints`. */
  key: string;
  /** The environment variable, e.g. `AWS_STS_REGIONAL_ENDPOINTS`. */
  variable: string;
  choices: readonly T[];
}

/**
 * A service's own setting read by the same rules as the built-in ones: its variable, then the
 * profile (config file first), matched in any case; an invalid value throws `invalid-config`.
 */
export function serviceSetting<T extends string>(
  config: SharedConfig,
  where: { profile?: string | undefined; env: Env; home: string },
  setting: ServiceSettingSpec<T>,
): Setting<T> | undefined {
  return lookupSetting(
    settingContext(config, where),
    spec(setting.key, setting.variable, oneOf(setting.choices)),
  );
}

/**
 * Resolves every setting from an already loaded `SharedConfig`: environment, then the
 * profile, then the default. Invalid values throw a `CredentialsError` (`invalid-config`)
 * naming the setting and where it came from.
 */
export function settingsFromConfig(
  config: SharedConfig,
  options: { profile?: string | undefined; service?: string | undefined; env: Env; home: string },
): ConfigSettings {
  const ctx = settingContext(config, options);
  const settings: ConfigSettings = {
    profile: ctx.profile,
    profileFound: profileExists(config, ctx.profile),
    ...endpointSettings(ctx, options.service ?? "sts"),
    ...imdsSettings(ctx),
    stsRegionalEndpoints: settingOrDefault(ctx, STS_REGIONAL, "regional"),
    retryMode: settingOrDefault(ctx, RETRY_MODE, "standard"),
    maxAttempts: settingOrDefault(ctx, MAX_ATTEMPTS, 3),
  };
  const extra: [keyof ConfigSettings, { value?: Setting<unknown> }][] = [
    ["region", optional(regionSetting(ctx))],
    ["sdkUaAppId", optional(lookupSetting(ctx, APP_ID))],
    ["caBundle", optional(lookupSetting(ctx, CA_BUNDLE))],
  ];
  for (const [name, { value }] of extra) if (value !== undefined) Object.assign(settings, { [name]: value });
  return settings;
}

/**
 * Reads the shared files and resolves every client setting for a profile and a service
 * (see `ConfigSettings`), each with its source so that a client can say, for example,
 * `region from profile "dev" in ~/.aws/config` (`describeSetting`). Explicit client
 * options are the caller's to layer on top.
 */
export async function resolveConfigSettings(
  options: ResolveConfigSettingsOptions = {},
): Promise<ConfigSettings> {
  const env = options.env ?? processEnv();
  const config = await loadSharedConfig({ ...options, env });
  return settingsFromConfig(config, { ...options, env, home: resolveHome(options, env) });
}

export interface ResolveConfigRegionOptions extends SharedConfigOptions {
  profile?: string;
}

/**
 * The region as the JS SDK resolves it: AWS_REGION, then the profile's `region` (the
 * credentials file's first). AWS_DEFAULT_REGION is botocore's and the CLI's, not the JS SDK's.
 */
export async function resolveConfigRegion(
  options: ResolveConfigRegionOptions = {},
): Promise<string | undefined> {
  const env = options.env ?? processEnv();
  if (env.AWS_REGION) return env.AWS_REGION;
  const config = await loadSharedConfig({ ...options, env });
  return regionSetting(settingContext(config, { ...options, env, home: resolveHome(options, env) }))?.value;
}
