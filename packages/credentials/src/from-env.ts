import { notConfigured } from "./errors.js";
import { createCredentials, parseExpiration } from "./redact.js";
import type { CredentialProvider, Env } from "./types.js";

export interface FromEnvOptions {
  /** Defaults to `process.env` where a `process` global exists. */
  env?: Env;
}

/** The environment of the host, where it has one (Node, Deno, Bun); empty in browsers. */
export function processEnv(): Env {
  const proc = (globalThis as { process?: { env?: Env } }).process;
  return proc?.env ?? {};
}

/**
 * Reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
 * AWS_CREDENTIAL_EXPIRATION and AWS_ACCOUNT_ID, as the SDKs' environment provider does.
 */
export function fromEnv(options: FromEnvOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw notConfigured("fromEnv: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set");
    }
    const expiration = env.AWS_CREDENTIAL_EXPIRATION;
    return createCredentials(
      {
        accessKeyId,
        secretAccessKey,
        sessionToken: env.AWS_SESSION_TOKEN || undefined,
        expiration: expiration
          ? parseExpiration(expiration, "fromEnv: AWS_CREDENTIAL_EXPIRATION")
          : undefined,
        accountId: env.AWS_ACCOUNT_ID || undefined,
      },
      "fromEnv",
    );
  };
}
