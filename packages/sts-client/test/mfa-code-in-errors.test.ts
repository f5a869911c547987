// An MFA code is a second factor, still valid for its 30-second window when an error quoting the
// request reaches a log. botocore's model leaves TokenCode unmarked; codegen/sts.mjs marks it, so
// the code is taken out of error responses like the other secrets a call sends. The device's
// serial number is no secret and stays readable.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type STSClient, STSServiceError } from "../src/index.js";
import { testClient } from "./support/client.js";
import { errorXml, type StsServer, startStsServer } from "./support/sts-server.js";

const CODE = "482913";
const SERIAL = "arn:aws:iam::123456789012:mfa/alice";

let server: StsServer;
let client: STSClient;
beforeAll(async () => {
  server = await startStsServer(({ form }) => {
    const quoted = `MultiFactorAuthentication failed: code ${form.get("TokenCode")} for device ${form.get("SerialNumber")} is not valid`;
    return { status: 403, body: errorXml("AccessDenied", quoted) };
  });
  client = testClient(server.url);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe("an error quoting the MFA code", () => {
  it.each([
    [
      "AssumeRole",
      () =>
        client.assumeRole({
          RoleArn: "arn:aws:iam::123456789012:role/admin",
          RoleSessionName: "s1",
          SerialNumber: SERIAL,
          TokenCode: CODE,
        }),
    ],
    ["GetSessionToken", () => client.getSessionToken({ SerialNumber: SERIAL, TokenCode: CODE })],
  ])("%s carries [redacted] in its place and keeps the device's serial number", async (_, call) => {
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(STSServiceError);
    expect((error as Error).message).toBe(
      `MultiFactorAuthentication failed: code [redacted] for device ${SERIAL} is not valid`,
    );
    expect(inspect(error, { depth: 5 })).not.toContain(CODE);
  });
});
