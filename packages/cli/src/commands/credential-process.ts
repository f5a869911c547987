import type { AwsCredentials } from "@lanyard/credentials";
import type { SharedConfig } from "@lanyard/credentials/config";
import { cacheDirectory } from "../cache/directory.js";
import { cacheKey } from "../cache/key.js";
import { CACHE_MARGIN_MS, type CachedCredentials, readCache, writeCache } from "../cache/store.js";
import { withClient } from "../client.js";
import { type CommandContext, clientOptions } from "../context.js";
import { formatProcessCredentials } from "../format.js";
import type { CredentialProcessInput } from "../inputs.js";
import { checkProfile } from "../profile.js";
import { CHAIN_VARIABLE, checkConfigLoop, enterCredentialProcess } from "../recursion.js";
import { chooseRegion } from "../region.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { realpathSync } = process.getBuiltinModule("node:fs");
const { join } = process.getBuiltinModule("node:path");

// The variables, besides the files, that decide what a profile resolves to.
const KEY_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_ROLE_ARN",
  "AWS_ROLE_SESSION_NAME",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_EC2_METADATA_SERVICE_ENDPOINT",
  "AWS_STS_REGIONAL_ENDPOINTS",
  "AWS_USE_FIPS_ENDPOINT",
  "AWS_USE_DUALSTACK_ENDPOINT",
] as const;

function runningScript(): string | undefined {
  try {
    return process.argv[1] === undefined ? undefined : realpathSync(process.argv[1]);
  } catch {
    return undefined;
  }
}

function cacheFile(input: CredentialProcessInput, context: CommandContext, config: SharedConfig): string {
  const { env } = context.io;
  const key = cacheKey({
    profile: input.profile,
    region: chooseRegion(context.globals, env, config).value,
    endpoint: context.globals.endpoint ?? (env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || undefined),
    config,
    env: Object.fromEntries(KEY_VARIABLES.map((name) => [name, env[name]])),
  });
  return join(cacheDirectory(env), `${key}.json`);
}

function expiring(credentials: AwsCredentials): CachedCredentials | undefined {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
  if (expiration === undefined) return undefined;
  return {
    AccessKeyId: accessKeyId,
    SecretAccessKey: secretAccessKey,
    SessionToken: sessionToken,
    Expiration: expiration,
  };
}

/** Fresh credentials for the profile; temporary ones worth keeping are written to the cache. */
async function resolveAndStore(file: string | undefined, context: CommandContext): Promise<string> {
  const credentials = await withClient(context, clientOptions(context, "credential-process"), (client) =>
    client.resolveCredentials(),
  );
  const temporary = expiring(credentials);
  if (
    file !== undefined &&
    temporary !== undefined &&
    temporary.Expiration.getTime() - context.io.now() > CACHE_MARGIN_MS
  ) {
    try {
      await writeCache(file, temporary);
    } catch (error) {
      // The credentials are good; a cache that cannot be written only costs the next run a call.
      context.io.stderr(
        `lanyard: warning: cannot write the credential cache: ${(error as NodeJS.ErrnoException).code ?? "error"}\n`,
      );
    }
  }
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
  return formatProcessCredentials({
    AccessKeyId: accessKeyId,
    SecretAccessKey: secretAccessKey,
    SessionToken: sessionToken,
    Expiration: expiration,
  });
}

/**
 * `lanyard credential-process --profile P`: the profile's credentials as credential_process
 * Version 1 JSON, served from the on-disk cache while they stay valid for 15 more minutes.
 */
export async function credentialProcess(
  input: CredentialProcessInput,
  context: CommandContext,
): Promise<void> {
  const globals = { ...context.globals, profile: input.profile };
  const scoped: CommandContext = { ...context, globals };
  const config = await context.sharedConfig();
  checkProfile(config, input.profile, context.io.env);
  checkConfigLoop(config, input.profile, runningScript());
  // Inherited by any credential_process this run starts (runCredentialProcess passes process.env on).
  process.env[CHAIN_VARIABLE] = enterCredentialProcess(input.profile, context.io.env);
  const file = input.cache ? cacheFile(input, scoped, config) : undefined;
  const cached = file === undefined ? undefined : await readCache(file, context.io.now());
  await context.io.stdout(
    cached !== undefined ? formatProcessCredentials(cached) : await resolveAndStore(file, scoped),
  );
}
