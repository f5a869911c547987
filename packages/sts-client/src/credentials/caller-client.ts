import type { CredentialProviderContext } from "@lanyard/credentials";
import type { ParentClient } from "@lanyard/query-client";
import type { STSClientConfig } from "../generated/service.generated.js";

/** The client asking a provider for credentials, when it is one of ours. */
export function callerOf(context: CredentialProviderContext | undefined): ParentClient | undefined {
  const caller = context?.callerClient as Partial<ParentClient> | undefined;
  return typeof caller?.resolveSettings === "function" && typeof caller.resolveTransport === "function"
    ? (caller as ParentClient)
    : undefined;
}

/**
 * What the STS client of a role inherits from the client that needs the role's credentials, as
 * the SDKs pass their caller's config to the inner STS client: its region, profile, endpoint
 * settings, retry settings, transport and logger. Options given to the provider win over these,
 * and a role profile's own `region` over the caller's.
 */
export async function inheritedConfig(caller: ParentClient | undefined): Promise<STSClientConfig> {
  if (caller === undefined) return {};
  const [settings, region, transport] = await Promise.all([
    caller.resolveSettings(),
    caller.resolveRegion(),
    caller.resolveTransport(),
  ]);
  const config: STSClientConfig = {
    useFipsEndpoint: settings.useFipsEndpoint.value,
    useDualstackEndpoint: settings.useDualstackEndpoint.value,
    retryMode: settings.retryMode.value,
    transport,
  };
  // Another service's endpoint override is not STS's; only an STS caller's is inherited.
  if (caller.service.id === "STS" && settings.endpoint.value !== undefined)
    config.endpoint = settings.endpoint.value;
  const regional = settings.service.stsRegionalEndpoints?.value;
  if (regional === "legacy" || regional === "regional") config.stsRegionalEndpoints = regional;
  if (region !== undefined) config.region = region;
  if (caller.config.profile !== undefined) config.profile = caller.config.profile;
  if (settings.maxAttempts.value !== undefined) config.maxAttempts = settings.maxAttempts.value;
  if (settings.userAgentAppId.value !== undefined) config.userAgentAppId = settings.userAgentAppId.value;
  if (caller.config.logger !== undefined) config.logger = caller.config.logger;
  return config;
}
