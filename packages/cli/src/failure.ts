import { CredentialsError, NoCredentialsError } from "@lanyard/credentials";
import { STSClientError, STSServiceError } from "@lanyard/sts-client";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import { reportsProcessFailure } from "./redact.js";
import type { Failure } from "./report.js";

const CREDENTIALS_HINTS: Partial<Record<string, string>> = {
  "no-credentials":
    "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile of ~/.aws/config with --profile",
  "mfa-code-missing": "pass the code with --token-code",
  "profile-not-found": "check source_profile in ~/.aws/config",
  "profile-cycle": "break the loop of source_profile settings in ~/.aws/config",
  expired: "get new credentials; these have expired",
};

const STS_HINTS: Partial<Record<string, string>> = {
  InvalidClientTokenId: "the access key is not valid: check the profile's credentials",
  SignatureDoesNotMatch: "the secret key does not match the access key: check the profile's credentials",
  ExpiredToken: "the session has expired: get new credentials",
  ExpiredTokenException: "the session has expired: get new credentials",
  AccessDenied: "the caller may not do this: check the role's trust policy and the caller's permissions",
};

function credentialsFailure(error: CredentialsError): Failure {
  if (error instanceof NoCredentialsError) {
    const reasons = error.errors.map((reason) => `  - ${reason.message}`).join("\n");
    return {
      exitCode: ExitCode.config,
      message: `no AWS credentials found:\n${reasons}`,
      hint: CREDENTIALS_HINTS[error.code],
    };
  }
  const hint =
    error.code === "process-failed" || reportsProcessFailure(error.message)
      ? "run the credential_process command yourself to see its output (lanyard does not print it: it may hold secrets)"
      : CREDENTIALS_HINTS[error.code];
  return { exitCode: ExitCode.config, message: error.message, hint };
}

function stsFailure(error: STSServiceError): Failure {
  const requestId = error.$metadata?.requestId;
  const id = requestId ? ` (request id ${requestId})` : "";
  return {
    exitCode: ExitCode.aws,
    message: `STS refused the call: ${error.code}: ${error.message}${id}`,
    hint: STS_HINTS[error.code],
  };
}

const CLIENT_CONFIG_CODES = new Set([
  "validation",
  "config",
  "missing-region",
  "missing-credentials",
  "endpoint",
]);

/** The exit status, message and hint of an error from the STS client, the credential providers or the network. */
export function classify(error: unknown): Failure {
  if (error instanceof CliError)
    return { exitCode: error.exitCode, message: error.message, hint: error.hint };
  if (error instanceof CredentialsError) return credentialsFailure(error);
  if (error instanceof STSServiceError) return stsFailure(error);
  if (error instanceof STSClientError) {
    const config = CLIENT_CONFIG_CODES.has(error.code);
    return { exitCode: config ? ExitCode.config : ExitCode.aws, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // Transport failures (@lanyard/http TransportError: timeout, connection refused, …) carry a code.
  if (error instanceof Error && typeof code === "string")
    return { exitCode: ExitCode.aws, message: `network error: ${message}` };
  return { exitCode: ExitCode.aws, message, hint: "run again with --debug for details" };
}
