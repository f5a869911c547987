import { CredentialsError } from "../errors.js";
import { createCredentials } from "../redact.js";
import type { AwsCredentials } from "../types.js";
import { isRecord, parseJsonObject } from "./json-object.js";
import { type SsoProfileConfig, ssoLoginCommand } from "./sso-config.js";
import { endpointPath } from "./sso-endpoints.js";
import { type SsoHttpOptions, ssoRequest } from "./sso-http.js";

const WHAT = "IAM Identity Center GetRoleCredentials";

function roleCredentials(body: string, config: SsoProfileConfig): AwsCredentials {
  const answer = parseJsonObject(body);
  if (answer === undefined) {
    throw new CredentialsError(
      "invalid-credentials",
      `profile "${config.profile}": ${WHAT} answered with something other than a JSON object`,
    );
  }
  const role = isRecord(answer.roleCredentials) ? answer.roleCredentials : {};
  const { accessKeyId, secretAccessKey, sessionToken, expiration, accountId } = role;
  if (
    typeof accessKeyId !== "string" ||
    typeof secretAccessKey !== "string" ||
    typeof sessionToken !== "string" ||
    typeof expiration !== "number"
  ) {
    throw new CredentialsError(
      "invalid-credentials",
      `profile "${config.profile}": ${WHAT} returned incomplete credentials`,
    );
  }
  return createCredentials(
    {
      accessKeyId,
      secretAccessKey,
      sessionToken,
      // The portal gives epoch milliseconds.
      expiration: new Date(expiration),
      accountId: typeof accountId === "string" && accountId !== "" ? accountId : config.accountId,
    },
    `profile "${config.profile}"`,
  );
}

function failed(status: number, config: SsoProfileConfig, endpoint: URL): CredentialsError {
  const where = `profile "${config.profile}": ${WHAT} at ${endpoint.origin} answered HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new CredentialsError(
      "sso-login-required",
      `${where}: the IAM Identity Center session is no longer valid or lacks role ${config.roleName} in account ${config.accountId}; run ${ssoLoginCommand(config)}`,
    );
  }
  return new CredentialsError("http-failed", `${where}; try again later`);
}

/**
 * The portal's GetRoleCredentials (GET /federation/credentials?role_name=&account_id=, the
 * access token in `x-amz-sso_bearer_token`): the role's temporary credentials.
 */
export async function getRoleCredentials(
  config: SsoProfileConfig,
  accessToken: string,
  endpoint: URL,
  http: SsoHttpOptions,
): Promise<AwsCredentials> {
  const url = endpointPath(endpoint, "/federation/credentials");
  url.searchParams.set("role_name", config.roleName);
  url.searchParams.set("account_id", config.accountId);
  const headers = { "x-amz-sso_bearer_token": accessToken, accept: "application/json" };
  const response = await ssoRequest(
    `profile "${config.profile}": ${WHAT}`,
    { method: "GET", url, headers },
    http,
  );
  if (response.status !== 200) throw failed(response.status, config, endpoint);
  return roleCredentials(response.body, config);
}
