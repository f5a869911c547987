import {
  type AwsCredentials,
  type CredentialProvider,
  cached,
  createCredentials,
} from "@lanyard/credentials";
import { authSchemeOf } from "@lanyard/endpoints";
import { signAsync } from "@lanyard/sigv4";
import { defaultCredentials } from "#platform";
import { ClientError } from "./errors.js";
import type { AuthContext, AuthScheme, ServiceEndpoint } from "./model.js";

export function isCredentials(value: unknown): value is AwsCredentials {
  return typeof value === "object" && value !== null && "accessKeyId" in value;
}

/** Static credentials from the options, checked once (a missing key or secret is a CredentialsError). */
function staticProvider(configured: AwsCredentials): CredentialProvider {
  const credentials = createCredentials(configured, "the credentials option");
  return async () => credentials;
}

// One provider per client, made on its first signed call. Kept here rather than in the client
// so a bundle whose operations are all unsigned carries no credential code.
const providers = new WeakMap<AuthContext, CredentialProvider>();

function providerFor(client: AuthContext): CredentialProvider {
  const configured = client.config.credentials;
  const serviceDefault = client.service.defaultCredentials;
  const provider =
    configured !== undefined
      ? isCredentials(configured)
        ? staticProvider(configured)
        : cached(configured)
      : serviceDefault
        ? serviceDefault(client)
        : defaultCredentials(client);
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
  // Providers that call AWS themselves (a role's credentials) inherit this client's settings through it.
  return provider({ callerClient: client });
}

/**
 * The region and service name to sign for: the endpoint rules' first auth scheme, with the
 * service's signing name and the client's region filling what it leaves out. Worked out here, not
 * when the endpoint is resolved, so a bundle of unsigned operations does without it.
 */
export function signingScope(endpoint: ServiceEndpoint): { signingRegion: string; signingName: string } {
  const { properties, signingDefaults } = endpoint;
  const { signingRegion, signingName } = authSchemeOf({ url: "", properties, headers: {} }, signingDefaults);
  return { signingRegion, signingName };
}

/**
 * AWS Signature Version 4 (`aws.auth#sigv4`). On Node the sigv4 package's `node` condition signs
 * with node:crypto synchronously behind `signAsync`; elsewhere WebCrypto signs, so no JavaScript
 * SHA-256 is bundled.
 */
export const sigv4: AuthScheme = {
  identity: resolveCredentials,
  sign(request, credentials, endpoint, date) {
    const { signingRegion, signingName } = signingScope(endpoint);
    return signAsync(request, { credentials, region: signingRegion, service: signingName, date });
  },
};
