export type { DefaultChainOptions } from "./default-chain.js";
export { defaultChain } from "./default-chain.js";
export type { FromContainerOptions } from "./from-container.js";
export { fromContainer, isAllowedContainerUrl } from "./from-container.js";
export type { FromIniOptions } from "./from-ini.js";
export { fromIni } from "./from-ini.js";
export type { FromInstanceMetadataOptions } from "./from-instance-metadata.js";
export { fromInstanceMetadata } from "./from-instance-metadata.js";
export type { FromLoginSessionOptions, LoginSessionOptions } from "./from-login-session.js";
export { fromLoginSession } from "./from-login-session.js";
export type { FromProcessOptions, ProcessOptions } from "./from-process.js";
export { fromProcess, runCredentialProcess } from "./from-process.js";
export type { FromSsoOptions, SsoHttpSettings, SsoSettings } from "./from-sso.js";
export { fromSso } from "./from-sso.js";
export type { FromTokenFileOptions } from "./from-token-file.js";
export { fromTokenFile } from "./from-token-file.js";
export { instanceMetadataOptions } from "./imds-options.js";
export type { IniSections } from "./ini.js";
export { parseIni } from "./ini.js";
export { MAX_SHARED_FILE_BYTES } from "./read-capped.js";
export type { ProfileHooks } from "./resolve-profile.js";
export { writeSecretFile } from "./secret-file.js";
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
  StsRegionalEndpoints,
} from "./settings.js";
export { resolveConfigRegion, resolveConfigSettings, settingsFromConfig } from "./settings.js";
export type { SharedConfig, SharedConfigOptions } from "./shared-config.js";
export { loadSharedConfig, profileSettings, sharedFilePaths } from "./shared-config.js";
export { defaultSsoEndpoint } from "./sso-endpoints.js";
export type { SsoCacheEntry } from "./sso-token-cache.js";
export { ssoCachePath } from "./sso-token-cache.js";
