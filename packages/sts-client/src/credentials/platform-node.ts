// Node only: re-exported by src/platform/node.ts, never by the portable entry.
import type { NodeCredentialsModule } from "./platform.js";

let module: Promise<NodeCredentialsModule> | undefined;

/** Loads the file/IMDS/process providers on first use (they are not needed when credentials are given). */
export function loadNodeCredentials(): Promise<NodeCredentialsModule> {
  module ??= import("@lanyard/credentials/node");
  return module;
}
