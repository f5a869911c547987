// Resolves one scenario with the AWS SDK for JavaScript v3 and prints the outcome as JSON.
// Run by generate.mjs in a fresh process per scenario (the SDK caches files per process),
// with HOME and the AWS_* variables of the scenario: node js-driver.mjs <sdk-dir> [profile]
import { createRequire } from "node:module";

const [sdkDir, profileArg] = process.argv.slice(2);
const require = createRequire(`${sdkDir}/package.json`);
const { fromNodeProviderChain } = require("@aws-sdk/credential-providers");
const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");
const profile = profileArg || undefined;

const CATEGORIES = [
  [/Could not load credentials from any providers/, "no-credentials"],
  [/SSO session token associated with profile=.* not found or is invalid/, "sso-token"],
  [/[Pp]rofile.*(was not found|could not be found)/, "profile-not-found"],
  [/Detected a cycle/, "profile-cycle"],
  [
    /Conflicting SSO|invalid SSO credentials|[Ss]so session .*(could not be found|missing required)|reading 'sso_/,
    "sso-config",
  ],
  // The portal refusing the token (401) asks for the same fix as an expired token.
  [/Session token not found or invalid|UnauthorizedException/, "sso-token"],
  [/SSO session|SSO Token|Token is expired|sso login/i, "sso-token"],
  [/aws login|login session|login_session|login\/cache/i, "login-token"],
  [/ENOENT|no such file/i, "file-unreadable"],
  [/Unsupported credential source/, "invalid-config"],
  [/multi-factor|MFA/, "mfa-required"],
  [/credential_process|Profile .* did not contain credential_process|credential process/i, "process-failed"],
  [/Region is missing/, "region-missing"],
  [/services section/, "invalid-config"],
];

function category(error) {
  const message = String(error?.message ?? error);
  for (const [pattern, name] of CATEGORIES) if (pattern.test(message)) return name;
  return `other: ${message.slice(0, 100)}`;
}

/** Which provider produced the credentials, from the SDK's credential feature flags. */
function sourceOf(credentials) {
  const features = Object.keys(credentials.$source ?? {});
  const has = (...names) => names.some((name) => features.includes(name));
  if (has("CREDENTIALS_STS_ASSUME_ROLE", "CREDENTIALS_PROFILE_SOURCE_PROFILE")) return "assume-role";
  if (has("CREDENTIALS_STS_ASSUME_ROLE_WEB_ID", "CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN"))
    return "web-identity";
  if (has("CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN")) return "web-identity";
  if (has("CREDENTIALS_SSO", "CREDENTIALS_SSO_LEGACY", "CREDENTIALS_PROFILE_SSO")) return "sso";
  if (has("CREDENTIALS_PROFILE_SSO_LEGACY")) return "sso";
  if (has("CREDENTIALS_PROFILE_LOGIN", "CREDENTIALS_LOGIN")) return "login";
  if (has("CREDENTIALS_PROFILE_PROCESS", "CREDENTIALS_PROCESS")) return "process";
  if (has("CREDENTIALS_HTTP")) return "container";
  if (has("CREDENTIALS_IMDS")) return "imds";
  if (has("CREDENTIALS_PROFILE")) return "profile";
  if (has("CREDENTIALS_ENV_VARS")) return "env";
  // Instance metadata credentials are the only ones the chain returns unmarked.
  if (features.length === 0) return "imds";
  return `unknown: ${features.join(",")}`;
}

async function credentials() {
  try {
    const value = await fromNodeProviderChain(profile ? { profile } : {})();
    return {
      accessKeyId: value.accessKeyId,
      source: sourceOf(value),
      sessionToken: Boolean(value.sessionToken),
    };
  } catch (error) {
    return { error: category(error) };
  }
}

async function region() {
  try {
    const client = new STSClient(profile ? { profile } : {});
    return await client.config.region();
  } catch (error) {
    const name = category(error);
    return name === "region-missing" ? null : { error: name };
  }
}

class Captured extends Error {
  constructor(url) {
    super("captured");
    this.url = url;
  }
}

/** The URL GetCallerIdentity would be sent to (the request is captured, never sent). */
async function endpoint() {
  const requestHandler = {
    handle: async (request) => {
      const port = request.port ? `:${request.port}` : "";
      throw new Captured(`${request.protocol}//${request.hostname}${port}${request.path}`);
    },
  };
  try {
    const client = new STSClient({
      ...(profile ? { profile } : {}),
      credentials: { accessKeyId: "AKIDDUMMY", secretAccessKey: "dummy" },
      requestHandler,
      maxAttempts: 1,
    });
    await client.send(new GetCallerIdentityCommand({}));
    return { error: "sent" };
  } catch (error) {
    if (error instanceof Captured) return error.url;
    return { error: category(error) };
  }
}

const result = { region: await region(), credentials: await credentials(), endpoint: await endpoint() };
process.stdout.write(JSON.stringify(result));
