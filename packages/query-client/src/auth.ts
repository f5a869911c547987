import { type AwsCredentials, type CredentialProvider, cached } from "@lanyard/credentials";
import { signAsync } from "@lanyard/sigv4";
import { defaultCredentials } from "#platform";
import { ClientError } from "./errors.js";
import type { AuthContext, AuthScheme } from "./model.js";

export function isCredentials(value: unknown): value is AwsCredentials {
  return typeof value === "object" && value !== null && "accessKeyId" in value;
}

// One provider per client, made on its first signed call. Kept here rather than in the client
// so a bundle whose operations are all unsigned carries no credential code.
const providers = new WeakMap<AuthContext, CredentialProvider>();

function providerFor(client: AuthContext): CredentialProvider {
  const configured = client.config.credentials as AwsCredentials | CredentialProvider | undefined;
  const provider =
    configured === undefined
      ? (client.service.defaultCredentials?.() ?? defaultCredentials())
      : isCredentials(configured)
        ? async () => configured
        : cached(configured);
  if (provider === undefined) {
    throw new ClientError(
      "missing-credentials",
      "no credentials: pass `credentials` in the client options (this platform has no default credential chain)",
    );
  }
  return provider;
}

/** The credentials signing the client's next call (cached and refreshed by the provider). */
export async function resolveCredentials(client: AuthContext): Promise<AwsCredentials> {
  let provider = providers.get(client);
  if (provider === undefined) {
    provider = providerFor(client);
    providers.set(client, provider);
  }
  return provider();
}

/**
 * AWS Signature Version 4 (`aws.auth#sigv4`). On Node the sigv4 package's `node` condition signs
 * with node:crypto synchronously behind `signAsync`; elsewhere WebCrypto signs, so no JavaScript
 * SHA-256 is bundled.
 */
export const sigv4: AuthScheme = {
  identity: resolveCredentials,
  sign: (request, credentials, endpoint, date) =>
    signAsync(request, {
      credentials,
      region: endpoint.signingRegion,
      service: endpoint.signingName,
      date,
    }),
};
