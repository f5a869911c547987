// A service may quote what it was sent: SignatureDoesNotMatch carries the canonical request,
// whose `x-amz-security-token` line is the caller's session token. Whatever an error response
// says, the call's own secret key and token must not reach the error, its name, its fields or a
// log event.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LogEvent, ServiceError } from "../src/index.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";
import { getUser } from "./fixtures/iam/generated/operations.generated.js";
import { errorXml, type QueryServer, startQueryServer } from "./support/query-server.js";

const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN",
};
const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const CANONICAL =
  "The request signature we calculated does not match the signature you provided. The Canonical " +
  `String for this request should have been 'POST / host:iam.amazonaws.com x-amz-security-token:${CREDENTIALS.sessionToken}'`;

let server: QueryServer;
beforeAll(async () => {
  server = await startQueryServer(({ form }) => {
    const name = form.get("UserName");
    if (name === "code") return { status: 403, body: errorXml(NS, CREDENTIALS.sessionToken, "no", "e-2") };
    if (name === "secret") {
      return {
        status: 403,
        body: errorXml(NS, "SignatureDoesNotMatch", `key ${CREDENTIALS.secretAccessKey}`, "e-3"),
      };
    }
    return { status: 403, body: errorXml(NS, "SignatureDoesNotMatch", CANONICAL, "e-1") };
  });
});
afterAll(() => server.close());

async function failure(userName: string, events: LogEvent[]): Promise<ServiceError> {
  const client = new IAMBaseClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    logger: (event) => events.push(event),
  });
  const error = await getUser(client, { UserName: userName }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe("an error response that echoes the call's credentials", () => {
  it.each([
    ["the session token in the message", "canonical"],
    ["the session token as the error code", "code"],
    ["the secret key in the message", "secret"],
  ])("keeps %s out of the error and the log", async (_, userName) => {
    const events: LogEvent[] = [];
    const error = await failure(userName, events);
    const text = [
      error.message,
      error.name,
      error.code,
      inspect(error, { depth: 5 }),
      JSON.stringify(events),
    ].join("\n");
    expect(text).not.toContain(CREDENTIALS.sessionToken);
    expect(text).not.toContain(CREDENTIALS.secretAccessKey);
    expect(text).toContain("[redacted]");
  });

  it("keeps the rest of the message, so the failure can still be diagnosed", async () => {
    const error = await failure("canonical", []);
    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(error.message).toContain("x-amz-security-token:[redacted]'");
  });
});
