import type { AssumeRoleRequest, AssumeRoleResponse, Credentials } from "@lanyard/sts-client";
import { withClient } from "../client.js";
import { type CommandContext, clientOptions } from "../context.js";
import { awsJson, formatEnvCredentials, formatProcessCredentials, isoUtc } from "../format.js";
import type { AssumeRoleInput } from "../inputs.js";

async function request(
  input: AssumeRoleInput,
  context: CommandContext,
  mfa: (serial: string) => Promise<string>,
) {
  const call: AssumeRoleRequest = {
    RoleArn: input.roleArn,
    // The SDKs' default: unique per call (assumeRoleCredentials in @lanyard/sts-client).
    RoleSessionName: input.roleSessionName ?? `lanyard-session-${context.io.now()}`,
  };
  if (input.durationSeconds !== undefined) call.DurationSeconds = input.durationSeconds;
  if (input.externalId !== undefined) call.ExternalId = input.externalId;
  if (input.serialNumber !== undefined) {
    call.SerialNumber = input.serialNumber;
    call.TokenCode = await mfa(input.serialNumber);
  }
  return call;
}

/** `aws sts assume-role` output: the result's members in model order, timestamps as the CLI prints them. */
function assumeRoleJson(result: AssumeRoleResponse, credentials: Credentials): string {
  const { AssumedRoleUser, PackedPolicySize, SourceIdentity } = result;
  return awsJson({
    Credentials: {
      AccessKeyId: credentials.AccessKeyId,
      SecretAccessKey: credentials.SecretAccessKey,
      SessionToken: credentials.SessionToken,
      Expiration: isoUtc(credentials.Expiration),
    },
    AssumedRoleUser: AssumedRoleUser && {
      AssumedRoleId: AssumedRoleUser.AssumedRoleId,
      Arn: AssumedRoleUser.Arn,
    },
    PackedPolicySize,
    SourceIdentity,
  });
}

/** `lanyard assume-role`: AssumeRole signed with the profile's credentials, printed in the chosen format. */
export async function assumeRole(input: AssumeRoleInput, context: CommandContext): Promise<void> {
  const options = clientOptions(context, "assume-role", input.tokenCode);
  const call = await request(input, context, options.mfaCodeProvider!);
  const result = await withClient(context, options, (client) => client.assumeRole(call));
  const credentials = result.Credentials;
  if (credentials === undefined) throw new Error("STS answered AssumeRole without Credentials");
  let output: string;
  if (input.format === "json") output = assumeRoleJson(result, credentials);
  else if (input.format === "env") output = formatEnvCredentials(credentials, input.shell);
  else output = formatProcessCredentials(credentials);
  await context.io.stdout(output);
}
