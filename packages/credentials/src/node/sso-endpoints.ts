import { awsPartition } from "@lanyard/endpoints";
import type { EndpointSettings } from "./settings.js";

export type SsoService = "sso" | "sso-oidc";
const HOST_PREFIX: Record<SsoService, string> = { sso: "portal.sso", "sso-oidc": "oidc" };

/**
 * The default endpoint of the IAM Identity Center portal (`portal.sso.<region>.<suffix>`)
 * or SSO OIDC (`oidc.<region>.<suffix>`), as their endpoint rule sets build it over the
 * partition of `@lanyard/endpoints`, with the FIPS and dual-stack variants; GovCloud's FIPS
 * endpoints are the plain ones.
 */
export function defaultSsoEndpoint(
  service: SsoService,
  region: string,
  fips: boolean,
  dualStack: boolean,
): string {
  // `aws.partition` answers for every string, `aws` when no pattern matches, as in the rules.
  const partition = awsPartition(region) as NonNullable<ReturnType<typeof awsPartition>>;
  const prefix = HOST_PREFIX[service];
  const suffix = dualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
  if (fips && !dualStack && partition.name === "aws-us-gov")
    return `https://${prefix}.${region}.amazonaws.com`;
  return `https://${prefix}${fips ? "-fips" : ""}.${region}.${suffix}`;
}

/** The configured endpoint (AWS_ENDPOINT_URL_SSO, a `[services]` entry…) else the default one. */
export function ssoEndpoint(service: SsoService, region: string, settings: EndpointSettings): URL {
  const configured = settings.endpointUrl?.value;
  if (configured !== undefined) return new URL(configured);
  return new URL(
    defaultSsoEndpoint(service, region, settings.useFipsEndpoint.value, settings.useDualstackEndpoint.value),
  );
}

/** `base` + `path`, keeping a path the configured endpoint may carry (`http://host/prefix`). */
export function endpointPath(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  return url;
}
