import { nodeCredentialsLoader as runtimeLoader } from "@lanyard/query-client";

/** `@lanyard/credentials/node`: shared files, token files, the default chain (Node only). */
export type NodeCredentialsModule = typeof import("@lanyard/credentials/node");
export type NodeCredentialsLoader = () => Promise<NodeCredentialsModule>;

/**
 * The runtime's loader of the Node-only providers; undefined on other platforms, which is how
 * the portable code knows that files and the default chain are out of reach.
 */
export function nodeCredentialsLoader(): NodeCredentialsLoader | undefined {
  return runtimeLoader();
}
