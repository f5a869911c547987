import { rm } from "node:fs/promises";
import { materialize, normalize, type Scenario } from "../../../../scripts/config-diff/materialize.mjs";
import { assumeRoleKey, type Servers, webIdentityKey } from "../../../../scripts/config-diff/servers.mjs";
import {
  type AssumeRoleParams,
  type AwsCredentials,
  CredentialsError,
  createCredentials,
  type WebIdentityParams,
} from "../../src/index.js";
import { defaultChain, resolveConfigRegion, resolveConfigSettings } from "../../src/node/index.js";

/** What a reference resolved: the fixture's shape (endpoint is checked by the client). */
export type Credentials = { accessKeyId: string; source: string; sessionToken: boolean } | { error: string };
export interface Outcome {
  region: string | null | { error: string };
  credentials: Credentials;
}

/**
 * The STS endpoint a client would be configured with: a configured URL, or `default` when
 * the endpoint rules decide (the rules themselves are the client's and not checked here).
 */
export type ConfiguredEndpoint = string | { error: string };

/** The fixture's endpoint column reduced to what the settings decide. */
export function configuredEndpointOf(endpoint: unknown): ConfiguredEndpoint | undefined {
  if (typeof endpoint !== "string") return undefined;
  if (/^https:\/\/sts[.-][^/]*(amazonaws\.com(\.cn)?|api\.aws)\/$/.test(endpoint)) return "default";
  return endpoint.replace(/\/$/, "");
}

export interface FixtureScenario extends Scenario {
  expected: { js: Outcome & { endpoint: unknown }; botocore: Outcome & { endpoint: unknown } };
}

// The stand-ins and the scenarios give every source keys of its own (see scenarios.mjs).
const SOURCES: [string, string][] = [
  ["ASIAROLE", "assume-role"],
  ["ASIAWEB", "web-identity"],
  ["ASIASSO", "sso"],
  ["ASIAPROC", "process"],
  ["ASIACONT", "container"],
  ["ASIAIMDS", "imds"],
  ["ASIALOGIN", "login"],
  ["AKIDENV", "env"],
];

function sourceOf(accessKeyId: string): string {
  return SOURCES.find(([prefix]) => accessKeyId.startsWith(prefix))?.[1] ?? "profile";
}

/** Lanyard's error codes in the fixtures' categories. */
export function category(error: unknown): string {
  if (!(error instanceof CredentialsError)) return `other: ${String(error)}`;
  switch (error.code) {
    case "sso-login-required":
      return "sso-token";
    case "login-required":
      return "login-token";
    case "invalid-config":
      return /IAM Identity Center|sso/i.test(error.message) ? "sso-config" : "invalid-config";
    case "mfa-code-missing":
      return "mfa-required";
    default:
      return error.code;
  }
}

/** The role hooks stand in for STS as the loopback STS does: keys derived from the call. */
const assumeRole = async (source: AwsCredentials, params: AssumeRoleParams) =>
  createCredentials({
    accessKeyId: assumeRoleKey(params.roleArn, source.accessKeyId, params.externalId),
    secretAccessKey: "role-secret",
    sessionToken: "role-token",
  });
const assumeRoleWithWebIdentity = async (params: WebIdentityParams) =>
  createCredentials({
    accessKeyId: webIdentityKey(params.roleArn, params.webIdentityToken),
    secretAccessKey: "web-secret",
    sessionToken: "web-token",
  });

function credentialsOutcome(credentials: AwsCredentials): Credentials {
  const { accessKeyId, sessionToken } = credentials;
  return { accessKeyId, source: sourceOf(accessKeyId), sessionToken: Boolean(sessionToken) };
}

/** Resolves a scenario's region and credentials with Lanyard against the loopback stand-ins. */
export async function resolveWithLanyard(
  scenario: FixtureScenario,
  servers: Servers,
): Promise<Outcome & { endpoint: ConfiguredEndpoint }> {
  const { home, env } = await materialize(scenario, servers.urls);
  try {
    const options = { env, homedir: home, ...(scenario.profile ? { profile: scenario.profile } : {}) };
    const region = await resolveConfigRegion(options).then(
      (value) => value ?? null,
      (error: unknown) => ({ error: category(error) }),
    );
    const chain = defaultChain({
      ...options,
      assumeRole,
      assumeRoleWithWebIdentity,
      process: { timeoutMs: 20_000 },
    });
    const credentials = await chain().then(credentialsOutcome, (error: unknown) => ({
      error: category(error),
    }));
    const endpoint = await resolveConfigSettings({ ...options, service: "sts" }).then(
      (settings) => settings.endpointUrl?.value.replace(/\/$/, "") ?? "default",
      (error: unknown) => ({ error: category(error) }),
    );
    return { region, credentials, endpoint: normalize(endpoint, { home, urls: servers.urls }) };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
