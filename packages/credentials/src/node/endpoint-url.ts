import {
  envValue,
  profileValue,
  type RawSetting,
  type Setting,
  type SettingContext,
} from "./setting-source.js";
import { httpUrl } from "./setting-values.js";

/**
 * A service's identifier as the endpoint settings spell it: `sso-oidc`, `SSO OIDC` and
 * `sso_oidc` all become `sso_oidc` (the `[services]` key; `AWS_ENDPOINT_URL_SSO_OIDC` in upper case).
 */
export function endpointServiceKey(serviceId: string): string {
  return serviceId
    .trim()
    .replace(/[\s-]+/g, "_")
    .toLowerCase();
}

function fromServicesSection(
  ctx: SettingContext,
  sectionName: string,
  service: string,
): RawSetting | undefined {
  const section = ctx.config.services[sectionName];
  const key = `${service}.endpoint_url`;
  const raw = section?.[key];
  if (raw === undefined || raw === "") return undefined;
  return {
    raw,
    source: {
      kind: "services",
      profile: ctx.profile,
      section: sectionName,
      key,
      file: ctx.config.files.config,
    },
  };
}

/**
 * The profile's configured endpoint for a service. A `services` key naming a section that
 * does not exist makes the JS SDK skip the config file's endpoints altogether (botocore
 * raises); the JS SDK is followed.
 */
function fromConfigFile(ctx: SettingContext, service: string): RawSetting | undefined {
  const services = profileValue(ctx, ["services"]);
  if (services !== undefined) {
    if (ctx.config.services[services.raw] === undefined) return undefined;
    const found = fromServicesSection(ctx, services.raw, service);
    if (found !== undefined) return found;
  }
  return profileValue(ctx, ["endpoint_url"]);
}

/**
 * The endpoint URL configured for a service, in the order both botocore and the JS SDK
 * use ("Service-specific endpoints" of the SDKs and Tools Reference Guide):
 * AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the `endpoint_url` of the service in the
 * profile's `[services name]` section, then the profile's own `endpoint_url`.
 * `ignore` (ignore_configured_endpoint_urls) turns all of them off.
 */
export function resolveEndpointUrl(
  ctx: SettingContext,
  serviceId: string,
  ignore: boolean,
): Setting<string> | undefined {
  if (ignore) return undefined;
  const service = endpointServiceKey(serviceId);
  const found =
    envValue(ctx, [`AWS_ENDPOINT_URL_${service.toUpperCase()}`]) ??
    envValue(ctx, ["AWS_ENDPOINT_URL"]) ??
    fromConfigFile(ctx, service);
  if (found === undefined) return undefined;
  return { value: httpUrl(found, ctx, "endpoint_url"), source: found.source };
}
