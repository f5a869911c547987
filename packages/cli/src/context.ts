import type { SharedConfig } from "@lanyard/credentials/config";
import type { ClientOptions } from "./client.js";
import type { GlobalInput } from "./inputs.js";
import type { Io } from "./io.js";
import { mfaCodeProvider } from "./mfa.js";

/** What every command runs with: the checked global options and the outside world. */
export interface CommandContext {
  globals: GlobalInput;
  io: Io;
  /**
   * The shared config and credentials files, read on first use and kept for the rest of the
   * command: the profile check, the Region and the cache key all see one reading of them.
   */
  sharedConfig: () => Promise<SharedConfig>;
  /** The MFA codes sent so far; a service's error may quote them, and they are cut from it. */
  mfaCodes: string[];
}

/** A command's context; the shared files are read only once a command asks for them. */
export function commandContext(globals: GlobalInput, io: Io, mfaCodes: string[] = []): CommandContext {
  let config: Promise<SharedConfig> | undefined;
  const sharedConfig = () => {
    // Imported on first use, so help and usage errors load none of @lanyard/credentials.
    config ??= import("@lanyard/credentials/config").then(({ loadSharedConfig }) =>
      loadSharedConfig({ env: io.env as Record<string, string | undefined> }),
    );
    return config;
  };
  return { globals, io, sharedConfig, mfaCodes };
}

/** The client options of the global flags, with MFA codes from `tokenCode` or the terminal. */
export function clientOptions(context: CommandContext, command: string, tokenCode?: string): ClientOptions {
  const { profile, region, endpoint } = context.globals;
  return {
    profile,
    region,
    endpoint,
    mfaCodeProvider: mfaCodeProvider(context.io, tokenCode, command, context.mfaCodes),
  };
}
