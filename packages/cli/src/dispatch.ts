import type { CommandContext } from "./context.js";
import { assumeRoleInput, credentialProcessInput, eksTokenInput, whoamiInput } from "./inputs.js";
import type { RawOptions } from "./spec.js";

/**
 * Checks the command's options, then imports only that command: the STS client and the
 * credential providers load for the command that needs them and never for `--help`.
 */
export async function dispatch(name: string, raw: RawOptions, context: CommandContext): Promise<void> {
  switch (name) {
    case "whoami": {
      const input = whoamiInput(raw);
      return (await import("./commands/whoami.js")).whoami(input, context);
    }
    case "assume-role": {
      const input = assumeRoleInput(raw);
      return (await import("./commands/assume-role.js")).assumeRole(input, context);
    }
    case "credential-process": {
      const input = credentialProcessInput(raw);
      return (await import("./commands/credential-process.js")).credentialProcess(input, context);
    }
    case "eks-token": {
      const input = eksTokenInput(raw);
      return (await import("./commands/eks-token.js")).eksToken(input, context);
    }
    default:
      throw new Error(`no handler for command ${name}`);
  }
}
