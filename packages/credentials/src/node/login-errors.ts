import { CredentialsError, type CredentialsErrorCode } from "../errors.js";

/** What to tell the user to do: sign in again with the CLI for this profile. */
export function runLogin(profile: string): string {
  return `run \`aws login --profile ${profile}\``;
}

/**
 * An error about a console-login profile. Every one stops a chain: a profile configured for
 * `aws login` must not quietly yield to another identity. The message names the profile and the
 * fix; callers pass only file paths, field names, status codes and error codes, never content.
 */
export function loginError(
  code: CredentialsErrorCode,
  profile: string,
  what: string,
  fix = runLogin(profile),
  cause?: unknown,
): CredentialsError {
  return new CredentialsError(code, `profile "${profile}" (console login): ${what}; ${fix}`, {
    tryNext: false,
    ...(cause === undefined ? {} : { cause }),
  });
}
