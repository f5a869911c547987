import { awsPartition } from "@lanyard/endpoints";
import { CredentialsError } from "../errors.js";
import type { Env } from "../types.js";
import { parseHttpUrl } from "./http-url.js";
import { loginError } from "./login-errors.js";
import { endpointSettings, settingContext } from "./settings.js";
import type { SharedConfig } from "./shared-config.js";
import { endpointPath } from "./sso-endpoints.js";

/** CreateOAuth2Token's path (botocore data/signin/2023-01-01/service-2.json). */
export const TOKEN_PATH = "/v1/token";

/**
 * Hosts of the token endpoint per partition, from the sign-in service's endpoint rules
 * (botocore data/signin/2023-01-01/endpoint-rule-set-1.json, without FIPS or dual-stack;
 * CreateOAuth2Token sets IsControlPlane=false), keyed by `aws.partition`'s name.
 */
const PARTITION_HOSTS: Readonly<Record<string, string>> = {
  "aws-cn": "signin.amazonaws.cn",
  "aws-us-gov": "signin.amazonaws-us-gov.com",
  "aws-iso": "signin.c2shome.ic.gov",
  "aws-iso-b": "signin.sc2shome.sgov.gov",
  "aws-iso-f": "signin.csphome.hci.ic.gov",
  "aws-iso-e": "signin.csphome.adc-e.uk",
  "aws-eusc": "signin.amazonaws-eusc.eu",
};
const AWS_HOST = "signin.aws.amazon.com";

/** A region is a DNS label here; anything else would change the host. */
export function isRegionName(region: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(region);
}

/** `https://{region}.signin.aws.amazon.com` and the other partitions' equivalents. */
export function signinEndpointForRegion(region: string): string {
  const host = PARTITION_HOSTS[awsPartition(region)?.name ?? "aws"] ?? AWS_HOST;
  return `https://${region}.${host}`;
}

/** The endpoint's path joined with the operation's, as rest-json does (`/base` + `/v1/token`), with no query. */
export function tokenUrl(endpoint: URL): URL {
  const url = endpointPath(endpoint, TOKEN_PATH);
  url.search = "";
  url.hash = "";
  return url;
}

export interface SigninEndpointInput {
  profile: string;
  settings: Readonly<Record<string, string | undefined>>;
  /** The loaded shared files, for the profile's `endpoint_url` and `[services]` entry. */
  config: SharedConfig;
  env: Env;
  /** Only for naming a file in a message (`~/.aws/config`). */
  homedir?: string | undefined;
  /** Explicit base URL; wins over the environment. */
  endpoint?: string;
  /** The caller's region, used when the profile sets none. */
  region?: string;
}

/** The explicit endpoint option; the message names the option, not its value. */
function parseEndpointOption(profile: string, url: string): URL {
  const parsed = parseHttpUrl(url);
  if (parsed === undefined) {
    const from = "the endpoint option";
    throw loginError("login-refresh-failed", profile, `${from} is not an http(s) URL`, `correct ${from}`);
  }
  return parsed;
}

/**
 * The sign-in service's configured endpoint (service id "Signin"), found as every service's is:
 * AWS_ENDPOINT_URL_SIGNIN, AWS_ENDPOINT_URL, the profile's `[services]` entry `signin.endpoint_url`,
 * then its `endpoint_url`, all off with `ignore_configured_endpoint_urls`. A bad value stops the
 * refresh with the setting's name and source, never the value.
 */
function configuredEndpoint(input: SigninEndpointInput): URL | undefined {
  const where = { profile: input.profile, env: input.env, home: input.homedir ?? "" };
  try {
    const url = endpointSettings(settingContext(input.config, where), "signin").endpointUrl?.value;
    return url === undefined ? undefined : new URL(url);
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    throw loginError("login-refresh-failed", input.profile, error.message, "correct that setting", error);
  }
}

/**
 * The token endpoint: an explicit endpoint, else a configured one, else the region's. The region
 * is the profile's `region`, then the caller's, then AWS_REGION, in the JavaScript SDK's order
 * (botocore puts the environment first).
 */
export function resolveSigninEndpoint(input: SigninEndpointInput): URL {
  const { profile } = input;
  const configured = input.endpoint
    ? parseEndpointOption(profile, input.endpoint)
    : configuredEndpoint(input);
  if (configured) return tokenUrl(configured);
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
