import { withClient } from "../client.js";
import { type CommandContext, clientOptions } from "../context.js";
import { formatIdentity } from "../format.js";
import type { WhoamiInput } from "../inputs.js";

/** `lanyard whoami`: GetCallerIdentity, printed as `aws sts get-caller-identity` prints it. */
export async function whoami(input: WhoamiInput, context: CommandContext): Promise<void> {
  const identity = await withClient(context, clientOptions(context, "whoami"), (client) =>
    client.getCallerIdentity(),
  );
  await context.io.stdout(formatIdentity(identity, input.output));
}
