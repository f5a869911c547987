import type { Env } from "../types.js";
import { loginError } from "./login-errors.js";

/** CreateOAuth2Token's path (botocore data/signin/2023-01-01/service-2.json). */
export const TOKEN_PATH = "/v1/token";

/**
 * Hosts of the token endpoint per partition, from the sign-in service's endpoint rules
 * (botocore data/signin/2023-01-01/endpoint-rule-set-1.json, without FIPS or dual-stack;
 * CreateOAuth2Token sets IsControlPlane=false). A region matching no pattern is in `aws`,
 * as in the rules' `aws.partition`. Patterns are the partitions' `regionRegex`.
 */
const PARTITION_HOSTS: readonly [RegExp, string][] = [
  [/^cn-\w+-\d+$/, "signin.amazonaws.cn"],
  [/^us-gov-\w+-\d+$/, "signin.amazonaws-us-gov.com"],
  [/^us-iso-\w+-\d+$/, "signin.c2shome.ic.gov"],
  [/^us-isob-\w+-\d+$/, "signin.sc2shome.sgov.gov"],
  [/^us-isof-\w+-\d+$/, "signin.csphome.hci.ic.gov"],
  [/^eu-isoe-\w+-\d+$/, "signin.csphome.adc-e.uk"],
  [/^eusc-de-\w+-\d+$/, "signin.amazonaws-eusc.eu"],
];
const AWS_HOST = "signin.aws.amazon.com";

/** A region is a DNS label here; anything else would change the host. */
export function isRegionName(region: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(region);
}

/** `https://{region}.signin.aws.amazon.com` and the other partitions' equivalents. */
export function signinEndpointForRegion(region: string): string {
  const host = PARTITION_HOSTS.find(([pattern]) => pattern.test(region))?.[1] ?? AWS_HOST;
  return `https://${region}.${host}`;
}

/**
 * A configured endpoint as the SDKs read it for the sign-in service (serviceId "Signin"):
 * AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
 * is true (SDK reference guide, "Service-specific endpoints"). Returns the variable's name too,
 * so an error can say where a bad value came from.
 */
export function configuredSigninEndpoint(env: Env): { url: string; from: string } | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === "true") return undefined;
  for (const name of ["AWS_ENDPOINT_URL_SIGNIN", "AWS_ENDPOINT_URL"]) {
    const url = env[name];
    if (url) return { url, from: name };
  }
  return undefined;
}

/** The endpoint's path joined with the operation's, as rest-json does: `/base` + `/v1/token`. */
export function tokenUrl(endpoint: URL): URL {
  const url = new URL(endpoint.href);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${TOKEN_PATH}`;
  url.search = "";
  url.hash = "";
  return url;
}

export interface SigninEndpointInput {
  profile: string;
  settings: Readonly<Record<string, string | undefined>>;
  env: Env;
  /** Explicit base URL; wins over the environment. */
  endpoint?: string;
  /** The caller's region, used when the profile sets none. */
  region?: string;
}

/** Parses a configured endpoint; the message names where it came from, not its value. */
function parseEndpoint(profile: string, url: string, from: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw loginError("login-refresh-failed", profile, `${from} is not an http(s) URL`, `correct ${from}`);
  }
  return parsed;
}

/**
 * The token endpoint: an explicit endpoint, else a configured one, else the region's. The region
 * is the profile's `region`, then the caller's, then AWS_REGION, in the JavaScript SDK's order
 * (botocore puts the environment first).
 */
export function resolveSigninEndpoint(input: SigninEndpointInput): URL {
  const { profile } = input;
  const configured = input.endpoint
    ? { url: input.endpoint, from: "the endpoint option" }
    : configuredSigninEndpoint(input.env);
  if (configured) return tokenUrl(parseEndpoint(profile, configured.url, configured.from));
  const region = input.settings.region || input.region || input.env.AWS_REGION;
  if (!region) {
    const fix = `set it with \`aws configure set region <region> --profile ${profile}\` or AWS_REGION`;
    throw loginError(
      "login-refresh-failed",
      profile,
      "refreshing the session needs a region, and none is set",
      fix,
    );
  }
  if (!isRegionName(region)) {
    const fix = `correct the profile's region or AWS_REGION`;
    throw loginError("login-refresh-failed", profile, "its region is not a region name", fix);
  }
  return tokenUrl(new URL(signinEndpointForRegion(region)));
}
