// `@lanyard/credentials/config`: the shared config files and the settings they hold, without the
// credential providers. A client reads its settings from here on every first call, so this entry
// loads only the file reader and the setting rules (a few milliseconds), not the providers' code.
export type { IniSections } from "./ini.js";
export { parseIni } from "./ini.js";
export { MAX_SHARED_FILE_BYTES } from "./read-capped.js";
export type { Setting, SettingSource } from "./setting-source.js";
export { describeSetting, describeSource } from "./setting-source.js";
export type {
  ConfigSettings,
  EndpointSettings,
  ImdsEndpointMode,
  ImdsSettings,
  ResolveConfigRegionOptions,
  ResolveConfigSettingsOptions,
  RetryMode,
  ServiceSettingSpec,
  StsRegionalEndpoints,
} from "./settings.js";
export {
  resolveConfigRegion,
  resolveConfigSettings,
  serviceSetting,
  settingsFromConfig,
} from "./settings.js";
export type { SharedConfig, SharedConfigOptions } from "./shared-config.js";
export {
  loadSharedConfig,
  noSharedFiles,
  profileSettings,
  resolveHome,
  sharedFilePaths,
} from "./shared-config.js";
export { splitCommand } from "./split-command.js";
