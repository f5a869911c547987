import { nodeCredentialsLoader as platformLoader } from "#platform";

/** `@lanyard/credentials/node`: shared files, token files, the default chain (Node only). */
export type NodeCredentialsModule = typeof import("@lanyard/credentials/node");
export type NodeCredentialsLoader = () => Promise<NodeCredentialsModule>;

/**
 * Loads the Node-only credential providers on first use; undefined on other platforms, which is
 * how portable code knows that files and the default chain are out of reach.
 */
export function nodeCredentialsLoader(): NodeCredentialsLoader | undefined {
  return platformLoader();
}
