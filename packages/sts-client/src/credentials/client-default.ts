// Browsers, workers, Deno and Bun: an STS client has no ambient credentials there beyond the
// platform's own (none), so it defers to the runtime. The `node` condition picks
// client-default.node.ts, which keeps STS's role-profile chain out of every other bundle.
import type { CredentialProvider } from "@lanyard/credentials";

export function clientDefaultCredentials(_client: unknown): CredentialProvider | undefined {
  return undefined;
}
