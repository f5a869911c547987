import { withClient } from "../client.js";
import { type CommandContext, clientOptions } from "../context.js";
import { formatIdentity } from "../format.js";
import type { WhoamiInput } from "../inputs.js";

/** `lanyard whoami`: GetCallerIdentity, printed as `aws sts get-caller-identity` prints it. */
export async function whoami(input: WhoamiInput, context: CommandContext): Promise<void> {
  const identity = await withClient(context, clientOptions(context, "whoami"), (client) =>
    client.getCallerIdentity(),
  );
  // STS always names the caller; an answer without any of it came from something else on the
  // way (a captive portal's page, a proxy) and would print `{}` as if it were an identity.
  if (identity.Account === undefined && identity.Arn === undefined && identity.UserId === undefined) {
    throw new Error("STS answered GetCallerIdentity without an identity");
  }
  await context.io.stdout(formatIdentity(identity, input.output));
}
