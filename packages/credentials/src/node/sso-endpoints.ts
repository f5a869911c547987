import type { EndpointSettings } from "./settings.js";

interface Partition {
  regex: RegExp;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
}

// The AWS partitions (the SDKs' partitions.json), most specific first; unknown regions are `aws`.
const PARTITIONS: readonly Partition[] = [
  { regex: /^us-gov-\w+-\d+$/, dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws" },
  {
    regex: /^cn-\w+-\d+$/,
    dnsSuffix: "amazonaws.com.cn",
    dualStackDnsSuffix: "api.amazonwebservices.com.cn",
  },
  { regex: /^eusc-(de)-\w+-\d+$/, dnsSuffix: "amazonaws.eu", dualStackDnsSuffix: "api.amazonwebservices.eu" },
  { regex: /^us-iso-\w+-\d+$/, dnsSuffix: "c2s.ic.gov", dualStackDnsSuffix: "api.aws.ic.gov" },
  { regex: /^us-isob-\w+-\d+$/, dnsSuffix: "sc2s.sgov.gov", dualStackDnsSuffix: "api.aws.scloud" },
  { regex: /^eu-isoe-\w+-\d+$/, dnsSuffix: "cloud.adc-e.uk", dualStackDnsSuffix: "api.cloud-aws.adc-e.uk" },
  { regex: /^us-isof-\w+-\d+$/, dnsSuffix: "csp.hci.ic.gov", dualStackDnsSuffix: "api.aws.hci.ic.gov" },
];
const AWS: Partition = { regex: /./, dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws" };

export type SsoService = "sso" | "sso-oidc";
const HOST_PREFIX: Record<SsoService, string> = { sso: "portal.sso", "sso-oidc": "oidc" };

/**
 * The default endpoint of the IAM Identity Center portal (`portal.sso.<region>.<suffix>`)
 * or SSO OIDC (`oidc.<region>.<suffix>`), as their endpoint rule sets build it, with the
 * FIPS and dual-stack variants; GovCloud's FIPS endpoints are the plain ones.
 */
export function defaultSsoEndpoint(
  service: SsoService,
  region: string,
  fips: boolean,
  dualStack: boolean,
): string {
  const partition = PARTITIONS.find((p) => p.regex.test(region)) ?? AWS;
  const prefix = HOST_PREFIX[service];
  const suffix = dualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
  if (fips && !dualStack && region.startsWith("us-gov-")) return `https://${prefix}.${region}.amazonaws.com`;
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
