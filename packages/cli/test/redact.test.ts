import { describe, expect, it } from "vitest";
import { redactMessage } from "../src/redact.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

describe("redactMessage", () => {
  it.each([
    `credential_process "helper" failed (1): leaked ${SECRET}`,
    `credential_process "helper" failed (1): line one\n${SECRET}`,
    `credential_process "helper" timed out after 30000 ms: ${SECRET}`,
    `credential_process "helper" failed (Command failed: helper\n${SECRET})`,
    `profile "a": credential_source failed: credential_process "helper" failed (2): ${SECRET}`,
    `credential_process: output Version must be 1, got ${SECRET}`,
  ])("cuts a credential_process's output from %j", (message) => {
    const redacted = redactMessage(message, {});
    expect(redacted).not.toContain(SECRET);
    expect(redacted).toMatch(/credential_process/);
  });

  it("keeps the helper's name and exit status", () => {
    expect(redactMessage(`credential_process "helper" failed (1): ${SECRET}`, {})).toBe(
      'credential_process "helper" failed (1)',
    );
  });

  it("replaces the secret key and session token of the environment wherever they appear", () => {
    const env = { AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: "FwoGZXIvYXdzEXAMPLETOKEN" };
    expect(redactMessage(`bad key ${SECRET} and FwoGZXIvYXdzEXAMPLETOKEN`, env)).toBe(
      "bad key [redacted] and [redacted]",
    );
  });
});
