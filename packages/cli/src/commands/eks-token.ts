import { withClient } from "../client.js";
import { type CommandContext, clientOptions } from "../context.js";
import { execApiVersion, formatExecCredential } from "../exec-credential.js";
import type { EksTokenInput } from "../inputs.js";

// The session name `aws eks get-token --role-arn` uses (get_token.py, _get_role_credentials).
const ROLE_SESSION_NAME = "EKSGetTokenAuth";

/**
 * `lanyard eks-token`: a presigned GetCallerIdentity URL as a `k8s-aws-v1.` token in kubectl's
 * ExecCredential JSON; with --role-arn the role is assumed first and its credentials sign.
 */
export async function eksToken(input: EksTokenInput, context: CommandContext): Promise<void> {
  const apiVersion = execApiVersion(context.io.env.KUBERNETES_EXEC_INFO, (line) =>
    context.io.stderr(`lanyard: warning: ${line}\n`),
  );
  const options = clientOptions(context, "eks-token");
  if (input.roleArn !== undefined) options.role = { arn: input.roleArn, sessionName: ROLE_SESSION_NAME };
  const token = await withClient(context, options, (client) =>
    client.getEksToken({ clusterName: input.cluster }),
  );
  await context.io.stdout(formatExecCredential(token, apiVersion, context.io.now()));
}
