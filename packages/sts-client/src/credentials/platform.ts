import * as platform from "#platform";

/** `@lanyard/credentials/node`: shared files, token files, the default chain (Node only). */
export type NodeCredentialsModule = typeof import("@lanyard/credentials/node");
export type NodeCredentialsLoader = () => Promise<NodeCredentialsModule>;

/**
 * The Node platform module exports `loadNodeCredentials`; other platforms do not, which is
 * how the portable code knows that files and the default chain are out of reach. Reading it
 * off the namespace keeps `node:` modules out of browser and worker bundles.
 */
export function nodeCredentialsLoader(): NodeCredentialsLoader | undefined {
  return (platform as { loadNodeCredentials?: NodeCredentialsLoader }).loadNodeCredentials;
}
