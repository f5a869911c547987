import type { Env } from "../types.js";
import type { FromInstanceMetadataOptions } from "./from-instance-metadata.js";
import { IMDS_ENDPOINT_IPV6 } from "./from-instance-metadata.js";
import { imdsSettings, settingContext } from "./settings.js";
import type { SharedConfig } from "./shared-config.js";

/**
 * Instance metadata options with the shared config applied: `ec2_metadata_service_endpoint`,
 * `ec2_metadata_service_endpoint_mode` and `ec2_metadata_v1_disabled` of the profile, after
 * their environment variables and before the defaults (explicit options win over both).
 */
export function instanceMetadataOptions(
  config: SharedConfig,
  where: { profile?: string | undefined; env: Env; home: string },
  options: FromInstanceMetadataOptions = {},
): FromInstanceMetadataOptions {
  const settings = imdsSettings(settingContext(config, where));
  const endpoint =
    options.endpoint ??
    settings.ec2MetadataServiceEndpoint?.value ??
    (settings.ec2MetadataServiceEndpointMode.value === "IPv6" ? IMDS_ENDPOINT_IPV6 : undefined);
  const disableV1Fallback = options.disableV1Fallback || settings.ec2MetadataV1Disabled.value;
  return {
    ...options,
    env: options.env ?? where.env,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(disableV1Fallback ? { disableV1Fallback } : {}),
  };
}
