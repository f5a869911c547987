// An MFA code is a secret like a key: an STS error that quotes the request must not print it.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeHome, type TestHome } from "./support/cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE, ROLE_ARN } from "./support/profiles.js";
import { StsStandIn } from "./support/sts-server.js";

const CODE = "918273";

// Answers every call with an error whose message quotes the request body, as a proxy or an
// STS-compatible service may.
const echo = new StsStandIn();
echo.answerAll = (requestBody) => ({
  status: 400,
  contentType: "text/xml",
  body: `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad request: ${requestBody
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
});
let home: TestHome;

beforeAll(() => echo.start());
afterAll(() => echo.close());
beforeEach(async () => {
  home = await makeHome({ config: CONFIG_FILE, credentials: CREDENTIALS_FILE });
});
afterEach(() => home.remove());

describe("an STS error quoting the request", () => {
  it.each([
    [["assume-role", "--profile", "base", "--serial-number", "arn:aws:iam::123456789012:mfa/alice"]],
    [["assume-role", "--profile", "mfa"]],
  ])("%j --token-code: the code is not on stderr", async (args) => {
    const result = await home.run([
      ...args,
      "--role-arn",
      ROLE_ARN,
      "--token-code",
      CODE,
      "--endpoint-url",
      echo.url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lanyard: STS refused the call: ValidationError: bad request: /);
    expect(result.stderr).toContain("TokenCode=[redacted]");
    expect(result.stderr).not.toContain(CODE);
  });
});
