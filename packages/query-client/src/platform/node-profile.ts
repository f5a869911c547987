// The shared config file's layer of a client's settings (Node): what the selected profile and its
// `[services …]` section say, for every setting the options and the environment leave unset.
import {
  type Setting as ConfigSetting,
  type ConfigSettings,
  describeSource,
  loadSharedConfig,
  resolveHome,
  type SharedConfig,
  serviceSetting,
  settingsFromConfig,
} from "@lanyard/credentials/config";
import { ClientError } from "../errors.js";
import type { ServiceDefinition } from "../model.js";
import type { Setting, SettingsFallback } from "../settings.js";

type Env = Record<string, string | undefined>;

/** The services-section and endpoint-variable key of a service: `IAM` → `iam`, `Secrets Manager` → `secrets_manager`. */
export function serviceKey(service: ServiceDefinition): string {
  return service.id.toLowerCase().replace(/ /g, "_");
}

/** The config-file key of a service setting read from `AWS_<NAME>`: `AWS_S3_US_EAST_1_REGIONAL_ENDPOINT` → `s3_us_east_1_regional_endpoint`. */
function configKey(variable: string): string {
  return variable.replace(/^AWS_/, "").toLowerCase();
}

// What locates the files and the profile, and turns configured endpoints off; every other AWS_*
// variable is the environment layer's (node-env.ts), which already read and checked it.
const FILE_VARIABLES = [
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
];

function fileOnlyEnv(env: Env): Env {
  const kept: Env = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("AWS_") || FILE_VARIABLES.includes(name)) kept[name] = value;
  }
  return kept;
}

/**
 * Reads the shared files once and returns the profile's settings with their sources. Values from
 * the environment are left to the environment layer (node-env.ts), which runs without file I/O.
 */
export async function profileLayer(
  service: ServiceDefinition,
  profile: string | undefined,
  env: Env,
): Promise<SettingsFallback> {
  const home = resolveHome({}, env);
  const config = await loadSharedConfig({ env });
  const where = { profile, env: fileOnlyEnv(env), home };
  let all: ConfigSettings;
  let own: Record<string, ConfigSetting<string>>;
  try {
    all = settingsFromConfig(config, { ...where, service: serviceKey(service) });
    own = serviceSettings(config, service, where);
  } catch (error) {
    // An invalid value names itself and where it came from; the client reports it as configuration.
    throw new ClientError("config", (error as Error).message, { cause: error });
  }
  const fromFile = <T>(setting: ConfigSetting<T> | undefined): Setting<T> | undefined =>
    setting === undefined || setting.source.kind === "env" || setting.source.kind === "default"
      ? undefined
      : { value: setting.value, source: describeSource(setting.source, home) };
  const layer: SettingsFallback = {
    region: fromFile(all.region),
    endpoint: fromFile(all.endpointUrl),
    useFipsEndpoint: fromFile(all.useFipsEndpoint),
    useDualstackEndpoint: fromFile(all.useDualstackEndpoint),
    retryMode: fromFile(all.retryMode),
    maxAttempts: fromFile(all.maxAttempts),
    userAgentAppId: fromFile(all.sdkUaAppId),
    caBundle: fromFile(all.caBundle),
    service: Object.fromEntries(
      Object.entries(own).flatMap(([option, setting]) => {
        const found = fromFile(setting);
        return found === undefined ? [] : [[option, found]];
      }),
    ),
  };
  for (const key of Object.keys(layer) as (keyof SettingsFallback)[]) {
    if (layer[key] === undefined) delete layer[key];
  }
  return layer;
}

/** The service's own settings (`s3_us_east_1_regional_endpoint`…) by the shared rules, keyed by option name. */
export function serviceSettings(
  config: SharedConfig,
  service: ServiceDefinition,
  where: { profile: string | undefined; env: Env; home: string },
): Record<string, ConfigSetting<string>> {
  const found: Record<string, ConfigSetting<string>> = {};
  for (const setting of service.settings ?? []) {
    const spec = { key: configKey(setting.env), variable: setting.env, choices: setting.choices };
    const value = serviceSetting(config, where, spec);
    if (value !== undefined) found[setting.option] = value;
  }
  return found;
}
