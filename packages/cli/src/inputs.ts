import { checkEndpointOption } from "./endpoint-url.js";
import { usageError } from "./errors.js";
import type { RawOptions } from "./spec.js";

/** The global options, checked. */
export interface GlobalInput {
  profile?: string;
  region?: string;
  endpoint?: string;
  debug: boolean;
}

export interface WhoamiInput {
  output: "json" | "text";
}

export type CredentialFormat = "json" | "env" | "credential-process";
export type Shell = "sh" | "fish" | "powershell";

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName?: string;
  durationSeconds?: number;
  externalId?: string;
  serialNumber?: string;
  tokenCode?: string;
  format: CredentialFormat;
  shell: Shell;
}

export interface CredentialProcessInput {
  profile: string;
  cache: boolean;
}

export interface EksTokenInput {
  cluster: string;
  roleArn?: string;
}

const string = (raw: RawOptions, name: string): string | undefined =>
  typeof raw[name] === "string" ? (raw[name] as string) : undefined;

/** Checks a value against an STS model pattern, naming the option and the expected form. */
function matching(
  raw: RawOptions,
  name: string,
  pattern: RegExp,
  expected: string,
  command: string,
): string | undefined {
  const value = string(raw, name);
  if (value !== undefined && !pattern.test(value)) throw usageError(`--${name} must be ${expected}`, command);
  return value;
}

// A Region is one DNS label: it becomes part of the endpoint's host name.
const REGION = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function globalInput(raw: RawOptions, command: string | undefined): GlobalInput {
  const input: GlobalInput = { debug: raw.debug === true };
  const profile = string(raw, "profile");
  if (profile !== undefined) input.profile = profile;
  const region = string(raw, "region");
  if (region !== undefined) {
    if (!REGION.test(region)) throw usageError("--region must be a Region name such as eu-west-1", command);
    input.region = region;
  }
  const endpoint = string(raw, "endpoint-url");
  if (endpoint !== undefined) input.endpoint = checkEndpointOption(endpoint, command);
  return input;
}

export function whoamiInput(raw: RawOptions): WhoamiInput {
  return { output: string(raw, "output") === "text" ? "text" : "json" };
}

const DURATION = /^(\d+)([smh]?)$/;
const UNIT_SECONDS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600 };

/** `3600`, `3600s`, `60m` or `1h`, within STS's 900–43 200 seconds. */
export function parseDuration(text: string, command: string): number {
  const match = DURATION.exec(text);
  const seconds = match === null ? Number.NaN : Number(match[1]) * UNIT_SECONDS[match[2]!]!;
  if (!(seconds >= 900 && seconds <= 43_200)) {
    throw usageError(
      `--duration must be 900 to 43200 seconds, as seconds or with a unit (900, 15m, 1h), got '${text}'`,
      command,
    );
  }
  return seconds;
}

// The STS model's constraints (AssumeRoleRequest), checked here so a typo is a usage error.
const ROLE_ARN = /^arn:[\x21-\x7e]{16,2044}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SERIAL_NUMBER = /^[\w+=/:,.@-]{9,256}$/;
const TOKEN_CODE = /^\d{6}$/;
const ARN_EXAMPLE = "a role ARN such as arn:aws:iam::123456789012:role/deploy";

export function assumeRoleInput(raw: RawOptions): AssumeRoleInput {
  const command = "assume-role";
  const format = (string(raw, "format") ?? "json") as CredentialFormat;
  if (raw.shell !== undefined && format !== "env")
    throw usageError("--shell goes with --format env", command);
  const input: AssumeRoleInput = {
    roleArn: matching(raw, "role-arn", ROLE_ARN, ARN_EXAMPLE, command)!,
    format,
    shell: (string(raw, "shell") ?? "sh") as Shell,
  };
  const sessionName = matching(
    raw,
    "role-session-name",
    SESSION_NAME,
    "2 to 64 of A-Z a-z 0-9 _ + = , . @ -",
    command,
  );
  if (sessionName !== undefined) input.roleSessionName = sessionName;
  const duration = string(raw, "duration");
  if (duration !== undefined) input.durationSeconds = parseDuration(duration, command);
  const externalId = matching(
    raw,
    "external-id",
    EXTERNAL_ID,
    "2 to 1224 of A-Z a-z 0-9 _ + = , . @ : / -",
    command,
  );
  if (externalId !== undefined) input.externalId = externalId;
  const serial = matching(raw, "serial-number", SERIAL_NUMBER, "an MFA device serial number or ARN", command);
  if (serial !== undefined) input.serialNumber = serial;
  const tokenCode = matching(raw, "token-code", TOKEN_CODE, "the 6-digit MFA code", command);
  if (tokenCode !== undefined) input.tokenCode = tokenCode;
  return input;
}

export function credentialProcessInput(raw: RawOptions): CredentialProcessInput {
  const profile = string(raw, "profile");
  if (profile === undefined) {
    throw usageError(
      "--profile is required: credential-process prints one profile's credentials",
      "credential-process",
    );
  }
  return { profile, cache: raw["no-cache"] !== true };
}

// EKS cluster names (and the Outposts cluster ids) are 1–100 of letters, digits, - and _.
const CLUSTER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function eksTokenInput(raw: RawOptions): EksTokenInput {
  const command = "eks-token";
  const input: EksTokenInput = {
    cluster: matching(raw, "cluster", CLUSTER, "an EKS cluster name (letters, digits, - and _)", command)!,
  };
  const roleArn = matching(raw, "role-arn", ROLE_ARN, ARN_EXAMPLE, command);
  if (roleArn !== undefined) input.roleArn = roleArn;
  return input;
}
