import type { Env } from "./io.js";

// @lanyard/credentials never puts a credential_process's output in its messages; should a message
// of that form ever carry more (another provider, an older version), everything after the
// command's name and exit status is cut, as a last line of defence: helpers print tokens there.
const PROCESS_FAILURE =
  /credential_process "([^"]*)" (timed out after \d+ ms|failed \((?:-?\d+|[A-Z][A-Z0-9_]*)\)|failed)[\s\S]*$/;
const PROCESS_VERSION = /(credential_process: output Version must be 1), got [\s\S]*$/;

/** Whether a message carried a credential_process's own output, which was cut. */
export function mentionsProcessOutput(message: string): boolean {
  return PROCESS_FAILURE.test(message);
}

/**
 * The message with any credential_process output cut and any secret this process knows of
 * (the AWS_* secret and token variables) replaced, as a last line of defence.
 */
export function redactMessage(message: string, env: Env): string {
  let text = message
    .replace(PROCESS_FAILURE, (_, file: string, why: string) => `credential_process "${file}" ${why}`)
    .replace(PROCESS_VERSION, "$1");
  for (const name of ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]) {
    const secret = env[name];
    if (secret !== undefined && secret.length >= 8) text = text.split(secret).join("[redacted]");
  }
  return text;
}
