// An MFA code is a secret like a key: an STS error that quotes the request must not print it.

import { beforeEach, describe, expect, it } from "vitest";
import { ROLE_ARN } from "./support/profiles.js";
import { useCliWorld } from "./support/world.js";

const CODE = "918273";

const world = useCliWorld();

// Answers every call with an error whose message quotes the request body, as a proxy or an
// STS-compatible service may.
beforeEach(() => {
  world.sts.answerAll = (requestBody) => ({
    status: 400,
    contentType: "text/xml",
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad request: ${requestBody
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
  });
});

describe("an STS error quoting the request", () => {
  it.each([
    [["assume-role", "--profile", "base", "--serial-number", "arn:aws:iam::123456789012:mfa/alice"]],
    [["assume-role", "--profile", "mfa"]],
  ])("%j --token-code: the code is not on stderr", async (args) => {
    const result = await world.home.run([
      ...args,
      "--role-arn",
      ROLE_ARN,
      "--token-code",
      CODE,
      "--endpoint-url",
      world.sts.url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lanyard: STS refused the call: ValidationError: bad request: /);
    expect(result.stderr).toContain("TokenCode=[redacted]");
    expect(result.stderr).not.toContain(CODE);
  });
});
