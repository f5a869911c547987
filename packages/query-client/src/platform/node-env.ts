// The environment's layer of a client's settings on Node. The variables with a fixed set of values
// (true/false, a mode, a count) are read by @lanyard/credentials' setting rules, the ones the
// shared config file's layer uses, so `AWS_RETRY_MODE=bogus` fails as `retry_mode = bogus` does
// instead of leaving the default in place without a word (the rules: true/false and the modes in
// any case, surrounding spaces ignored, an empty variable unset). The rules load Node's built-ins,
// so only the Node platform imports this file; browsers have no environment and workers keep env.ts.
import {
  type Setting as ConfigSetting,
  type ConfigSettings,
  noSharedFiles,
  settingsFromConfig,
} from "@lanyard/credentials/config";
import { type Env, processEnv, textSettings } from "../env.js";
import { ClientError } from "../errors.js";
import type { ServiceDefinition } from "../model.js";
import type { ClientConfig, Setting, SettingsFallback } from "../settings.js";
import { serviceSettings } from "./node-profile.js";

// The ruled variables and the option that overrides each. A given option means its variable is
// never read, as in both SDKs, so a bad value fails only a client that would use it.
const RULED = [
  ["AWS_USE_FIPS_ENDPOINT", "useFipsEndpoint"],
  ["AWS_USE_DUALSTACK_ENDPOINT", "useDualstackEndpoint"],
  ["AWS_RETRY_MODE", "retryMode"],
  ["AWS_MAX_ATTEMPTS", "maxAttempts"],
  ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", undefined],
] as const;

/** The ruled variables, the service's own included, that no option overrides. */
function ruledEnv(service: ServiceDefinition, config: ClientConfig, env: Env): Env {
  const options = config as Record<string, unknown>;
  const ruled: Env = {};
  const own = (service.settings ?? []).map((setting) => [setting.env, setting.option] as const);
  for (const [variable, option] of [...RULED, ...own]) {
    if (option === undefined || options[option] === undefined) ruled[variable] = env[variable];
  }
  return ruled;
}

const fromEnv = <T>(setting: ConfigSetting<T> | undefined): Setting<T> | undefined =>
  setting?.source.kind === "env" ? { value: setting.value, source: setting.source.variable } : undefined;

/** The environment's values for a client's static settings; an invalid one is a `ClientError` (`config`). */
export function envSettings(
  service: ServiceDefinition,
  config: ClientConfig,
  env: Env = processEnv(),
): SettingsFallback {
  const where = { profile: undefined, env: ruledEnv(service, config, env), home: "" };
  let ruled: ConfigSettings;
  let own: Record<string, ConfigSetting<string>>;
  try {
    // No files: the rules see the environment only. The file layer (node-profile.ts) reads them.
    const environmentOnly = noSharedFiles();
    ruled = settingsFromConfig(environmentOnly, where);
    own = serviceSettings(environmentOnly, service, where);
  } catch (error) {
    // The rules' message names the variable and the values it takes, never the value itself.
    throw new ClientError("config", (error as Error).message, { cause: error });
  }
  const serviceOwn: Record<string, Setting<string>> = {};
  for (const [option, setting] of Object.entries(own)) {
    const found = fromEnv(setting);
    if (found !== undefined) serviceOwn[option] = found;
  }
  return {
    ...textSettings(service, env, ruled.ignoreConfiguredEndpointUrls.value),
    useFipsEndpoint: fromEnv(ruled.useFipsEndpoint),
    useDualstackEndpoint: fromEnv(ruled.useDualstackEndpoint),
    retryMode: fromEnv(ruled.retryMode),
    maxAttempts: fromEnv(ruled.maxAttempts),
    service: serviceOwn,
  };
}
