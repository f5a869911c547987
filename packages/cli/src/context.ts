import type { ClientOptions } from "./client.js";
import type { GlobalInput } from "./inputs.js";
import type { Io } from "./io.js";
import { mfaCodeProvider } from "./mfa.js";

/** What every command runs with: the checked global options and the outside world. */
export interface CommandContext {
  globals: GlobalInput;
  io: Io;
}

/** The client options of the global flags, with MFA codes from `tokenCode` or the terminal. */
export function clientOptions(context: CommandContext, command: string, tokenCode?: string): ClientOptions {
  const { profile, region, endpoint } = context.globals;
  return { profile, region, endpoint, mfaCodeProvider: mfaCodeProvider(context.io, tokenCode, command) };
}
