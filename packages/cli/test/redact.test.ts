import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCredentialProcess } from "@lanyard/credentials/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactMessage, reportsProcessFailure } from "../src/redact.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lanyard-redact-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The message @lanyard/credentials gives for a credential_process helper running `body`, stderr included. */
async function processMessage(name: string, body: string): Promise<string> {
  const helper = join(dir, `${name}.mjs`);
  await writeFile(helper, body);
  const error = await runCredentialProcess(
    `${process.execPath} ${helper}`,
    { includeStderr: true, timeoutMs: 10_000 },
    "tools",
  ).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe("redactMessage", () => {
  it("cuts the helper's stderr from a real failed run's message, keeping the program, profile and exit code", async () => {
    const message = await processMessage(
      "leaky",
      `process.stderr.write("token ${SECRET}\\n"); process.exit(3);`,
    );
    expect(message).toContain(SECRET); // the message asked for stderr: the case the cut is for
    expect(redactMessage(message, {})).toBe(
      'credential_process "node" of profile "tools" exited with code 3',
    );
    expect(reportsProcessFailure(message)).toBe(true);
  });

  it("keeps a real message about bad output whole: it names no output", async () => {
    const message = await processMessage(
      "version",
      `process.stdout.write(JSON.stringify({ Version: 2, SecretAccessKey: "${SECRET}" }));`,
    );
    expect(message).toBe(
      'credential_process "node" of profile "tools": output "Version" must be the number 1',
    );
    expect(redactMessage(message, {})).toBe(message);
  });

  it.each([
    `credential_process "helper" of profile "dev" exited with code 1: leaked ${SECRET}`,
    `credential_process "helper" exited with code 1; stderr: line one\n${SECRET}`,
    `credential_process "helper" of profile "dev" was killed by SIGTERM; stderr: ${SECRET}`,
    `credential_process "helper" timed out after 30000 ms and was killed; stderr: ${SECRET}`,
    `credential_process "helper" printed more than 1048576 bytes and was killed; stderr: ${SECRET}`,
    `credential_process "helper" could not be started (ENOENT) ${SECRET}`,
    `credential_process "a \\"quoted\\" name" of profile "dev" exited with code 2; stderr: ${SECRET}`,
    `profile "a": credential_source failed: credential_process "helper" exited with code 2; stderr: ${SECRET}`,
    `credential_process "helper": output "Version" must be the number 1, got ${SECRET}`,
  ])("cuts whatever follows the reason in %j", (message) => {
    const redacted = redactMessage(message, {});
    expect(redacted).not.toContain(SECRET);
    expect(redacted).toMatch(/credential_process "/);
    expect(reportsProcessFailure(message)).toBe(true);
  });

  it("leaves other messages alone", () => {
    const message = 'profile "dev" is not in /home/a/.aws/config or /home/a/.aws/credentials';
    expect(redactMessage(message, {})).toBe(message);
    expect(reportsProcessFailure(message)).toBe(false);
  });

  it("replaces the secret key and session token of the environment wherever they appear", () => {
    const env = { AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: "FwoGZXIvYXdzEXAMPLETOKEN" };
    expect(redactMessage(`bad key ${SECRET} and FwoGZXIvYXdzEXAMPLETOKEN`, env)).toBe(
      "bad key [redacted] and [redacted]",
    );
  });

  it("replaces an MFA code the run sent, as a whole number only", () => {
    const message = "TokenCode=123456 invalid for account 123456789012 (request 9123456)";
    expect(redactMessage(message, {}, ["123456"])).toBe(
      "TokenCode=[redacted] invalid for account 123456789012 (request 9123456)",
    );
  });
});
