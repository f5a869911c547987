import type { Env } from "./io.js";

// How @lanyard/credentials names a credential_process run that failed: the program's basename and
// profile as JSON strings, then why (`runCredentialProcess`). Its messages never carry the
// process's output, but for the stderr line a caller may ask for (`includeStderr`); should a
// message of that form ever carry more (another version, another provider), everything after
// the reason is cut, as a last line of defence: helpers print tokens and sign-in codes there.
const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const LABEL = `credential_process ${JSON_STRING}(?: of profile ${JSON_STRING})?`;
const REASON = [
  String.raw` exited with code -?\d+`,
  " was killed by [A-Z0-9]+",
  String.raw` timed out after \d+ ms and was killed`,
  String.raw` printed more than \d+ bytes and was killed`,
  String.raw` could not be started \([\w ]+\)`,
  // The output checks say what is wrong with the output, never what it was.
  String.raw`: output is not JSON \(expected an object with "Version": 1\)`,
  String.raw`: output is not a JSON object \(expected an object with "Version": 1\)`,
  ': output "Version" must be the number 1',
].join("|");
const PROCESS_FAILURE = new RegExp(String.raw`(${LABEL}(?:${REASON}))[\s\S]*$`);

/** Whether a message reports a failed credential_process run, whose output lanyard does not show. */
export function reportsProcessFailure(message: string): boolean {
  return PROCESS_FAILURE.test(message);
}

/**
 * The message with anything after a credential_process failure's reason cut and any secret
 * this process knows of (the AWS_* secret and token variables, the MFA codes it sent) replaced,
 * as a last line of defence.
 */
export function redactMessage(message: string, env: Env, mfaCodes: readonly string[] = []): string {
  let text = message.replace(PROCESS_FAILURE, "$1");
  for (const name of ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]) {
    const secret = env[name];
    if (secret !== undefined && secret.length >= 8) text = text.split(secret).join("[redacted]");
  }
  // A code is only six digits: matched as a whole number, so an account id or a request id
  // that happens to contain it stays readable.
  for (const code of mfaCodes) {
    if (/^\d+$/.test(code)) text = text.replace(new RegExp(`(?<!\\d)${code}(?!\\d)`, "g"), "[redacted]");
  }
  return text;
}
