import type { RoleAssumer } from "@lanyard/credentials";
import type { ParentClient } from "@lanyard/query-client";
import { assumeRole } from "../generated/operations.generated.js";
import type { STSClientConfig } from "../generated/service.generated.js";
import type { AssumeRoleRequest } from "../generated/types.generated.js";
import { fromStsResult, withStsClient } from "./sts-call.js";

/**
 * The `assumeRole` hook of `@lanyard/credentials` implemented with STS AssumeRole: the call is
 * signed with the source credentials the hook is given, so role profiles chain (A's role
 * credentials sign the call for B). The profile's region applies when `clientConfig` has none;
 * the calling client (`caller`) lends its region, endpoint settings, transport and logger.
 */
export function stsRoleAssumer(clientConfig: STSClientConfig = {}, caller?: ParentClient): RoleAssumer {
  return async (source, params) => {
    const input: AssumeRoleRequest = { RoleArn: params.roleArn, RoleSessionName: params.roleSessionName };
    if (params.externalId !== undefined) input.ExternalId = params.externalId;
    if (params.durationSeconds !== undefined) input.DurationSeconds = params.durationSeconds;
    if (params.serialNumber !== undefined) input.SerialNumber = params.serialNumber;
    if (params.tokenCode !== undefined) input.TokenCode = params.tokenCode;
    const result = await withStsClient(
      clientConfig,
      source,
      params.region,
      (client) => assumeRole(client, input),
      caller,
    );
    return fromStsResult(result, `assumeRole(${params.roleArn})`);
  };
}
