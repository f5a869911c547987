import { CredentialsError } from "../errors.js";
import { processEnv } from "../from-env.js";
import { numberOption } from "../number-option.js";
import type { AwsCredentials, CredentialProvider, Env } from "../types.js";
import { parseCredentialDocument } from "./credential-document.js";
import { HttpFailure, simpleRequest } from "./http-request.js";
import { parseHttpUrl } from "./http-url.js";
import { type ImdsSettings, imdsSettings } from "./settings.js";
import { noSharedFiles } from "./shared-config.js";

export interface FromInstanceMetadataOptions {
  env?: Env;
  /** Overrides AWS_EC2_METADATA_SERVICE_ENDPOINT and AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE. */
  endpoint?: string;
  /** Per request (default 1000 ms, as the SDKs). */
  timeoutMs?: number;
  /** Refuse the IMDSv1 fallback (also AWS_EC2_METADATA_V1_DISABLED=true). */
  disableV1Fallback?: boolean;
  now?: () => number;
}

export const IMDS_ENDPOINT_IPV4 = "http://169.254.169.254";
export const IMDS_ENDPOINT_IPV6 = "http://[fd00:ec2::254]";
const TOKEN_PATH = "/latest/api/token";
const CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
// Six hours, the maximum IMDS allows and the SDKs' choice.
const TOKEN_TTL_SECONDS = "21600";

/**
 * The `AWS_EC2_METADATA_*` variables, parsed by the same rules as the chain's settings, so
 * `AWS_EC2_METADATA_V1_DISABLED=yes` is the same error here as there rather than a silent `false`.
 */
function environmentSettings(env: Env): ImdsSettings {
  try {
    return imdsSettings({ config: noSharedFiles(), env, profile: "default", home: "" });
  } catch (error) {
    throw asImdsFailure(error);
  }
}

/**
 * A bad instance metadata setting is this provider's failure: like every IMDS failure it lets a
 * chain go on, so a stray variable on a laptop does not hide the other providers.
 */
export function asImdsFailure(error: unknown): unknown {
  if (!(error instanceof CredentialsError) || error.tryNext) return error;
  return new CredentialsError(error.code, `fromInstanceMetadata: ${error.message}`, { tryNext: true });
}

function endpointOf(options: FromInstanceMetadataOptions, settings: ImdsSettings): string {
  if (options.endpoint) return checkedEndpoint(options.endpoint);
  if (settings.ec2MetadataServiceEndpoint) return settings.ec2MetadataServiceEndpoint.value;
  return settings.ec2MetadataServiceEndpointMode.value === "IPv6" ? IMDS_ENDPOINT_IPV6 : IMDS_ENDPOINT_IPV4;
}

/**
 * The endpoint option must be an http(s) URL. Anything else is this provider's failure, not a
 * TypeError (see `asImdsFailure`). The value is not repeated in the message.
 */
function checkedEndpoint(endpoint: string): string {
  if (parseHttpUrl(endpoint) === undefined) {
    throw new CredentialsError(
      "url-not-allowed",
      `fromInstanceMetadata: the endpoint option is not an http(s) URL; expected a form like ${IMDS_ENDPOINT_IPV4} or ${IMDS_ENDPOINT_IPV6}`,
      { tryNext: true },
    );
  }
  return endpoint;
}

/**
 * Every IMDS failure lets a chain move on, as in the SDKs (their `ProviderError`): the chain
 * probes IMDS without being told to, and off EC2 a proxy or firewall may answer for
 * 169.254.169.254, which must not hide the other providers' reasons in `NoCredentialsError`.
 */
function fail(message: string, cause?: unknown): CredentialsError {
  return new CredentialsError("http-failed", `fromInstanceMetadata: ${message}`, { tryNext: true, cause });
}

/**
 * IMDSv2: PUT a session token first. Per the SDKs, a 400 is a hard error, while
 * 403/404/405 or no answer mean IMDSv2 is unavailable and IMDSv1 (no token) is tried,
 * unless v1 is disabled. Returns undefined for "use v1".
 */
async function fetchToken(base: string, timeoutMs: number, allowV1: boolean): Promise<string | undefined> {
  let status: number;
  try {
    const res = await simpleRequest({
      method: "PUT",
      url: new URL(TOKEN_PATH, base),
      headers: { "x-aws-ec2-metadata-token-ttl-seconds": TOKEN_TTL_SECONDS },
      timeoutMs,
    });
    if (res.status === 200) return res.body.trim();
    status = res.status;
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    if (!allowV1) throw fail(`token request failed and IMDSv1 is disabled: ${error.message}`, error);
    return undefined;
  }
  if (status === 400) throw fail("token request was rejected with HTTP 400");
  if (!allowV1) throw fail(`token request answered HTTP ${status} and IMDSv1 is disabled`);
  return undefined;
}

interface MetadataGet {
  base: string;
  path: string;
  /** Names the resource in errors; the path may hold the role name, read from IMDS itself. */
  what: string;
  token: string | undefined;
  timeoutMs: number;
}

async function get(request: MetadataGet): Promise<string> {
  const { base, path, token, timeoutMs } = request;
  const headers: Record<string, string> = token ? { "x-aws-ec2-metadata-token": token } : {};
  const res = await simpleRequest({ method: "GET", url: new URL(path, base), headers, timeoutMs });
  if (res.status !== 200) throw fail(`GET ${request.what} answered HTTP ${res.status}`);
  return res.body;
}

async function fetchCredentials(
  base: string,
  options: FromInstanceMetadataOptions,
  allowV1: boolean,
): Promise<AwsCredentials> {
  // Like the endpoint option, a bad timeout is this provider's failure and lets a chain go on.
  const rule = { source: "fromInstanceMetadata", name: "timeoutMs", min: 1, tryNext: true };
  const timeoutMs = numberOption(options.timeoutMs, 1000, rule);
  const token = await fetchToken(base, timeoutMs, allowV1);
  const roles = await get({ base, path: CREDENTIALS_PATH, what: CREDENTIALS_PATH, token, timeoutMs });
  const role = roles.split("\n")[0]?.trim();
  if (!role) throw fail("the instance has no IAM role attached");
  const path = CREDENTIALS_PATH + encodeURIComponent(role);
  const body = await get({ base, path, what: `${CREDENTIALS_PATH}<role>`, token, timeoutMs });
  return parseCredentialDocument(body, "fromInstanceMetadata", options.now ?? Date.now);
}

/** EC2 instance profile credentials from the Instance Metadata Service (IMDSv2, v1 fallback). */
export function fromInstanceMetadata(options: FromInstanceMetadataOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    if (env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === "true") {
      throw new CredentialsError(
        "metadata-disabled",
        "fromInstanceMetadata: AWS_EC2_METADATA_DISABLED is true",
        {
          tryNext: true,
        },
      );
    }
    const settings = environmentSettings(env);
    const allowV1 = !options.disableV1Fallback && !settings.ec2MetadataV1Disabled.value;
    try {
      return await fetchCredentials(endpointOf(options, settings), options, allowV1);
    } catch (error) {
      // Not on EC2 (nothing answers) is the common case off-cloud: let a chain report it and move on.
      if (error instanceof HttpFailure) throw fail(error.message, error);
      throw error;
    }
  };
}
