// An MFA code is a secret like a key: an STS error that quotes the request must not print it.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeHome, type TestHome } from "./support/cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE, ROLE_ARN } from "./support/profiles.js";

const CODE = "918273";

// Answers every call with an error whose message quotes the request body, as a proxy or an
// STS-compatible service may.
const echo = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8").replace(/&/g, "&amp;").replace(/</g, "&lt;");
    response.writeHead(400, { "content-type": "text/xml" });
    response.end(
      `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad request: ${body}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
    );
  });
});
let url: string;
let home: TestHome;

beforeAll(async () => {
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(() => {
  echo.closeAllConnections();
  return new Promise<void>((resolve) => echo.close(() => resolve()));
});
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
      url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lanyard: STS refused the call: ValidationError: bad request: /);
    expect(result.stderr).toContain("TokenCode=[redacted]");
    expect(result.stderr).not.toContain(CODE);
  });
});
