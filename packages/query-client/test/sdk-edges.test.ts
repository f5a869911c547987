// What a user coming from the AWS SDK v3 writes must work the same way here: `logger: console`,
// error names that are the service's codes, a region provider, `await using`, and a clear report
// of a misspelt input member.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type LogEvent, ServiceError, ValidationError } from "../src/index.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";
import { IAMServiceError } from "./fixtures/iam/generated/errors.generated.js";
import { getUser } from "./fixtures/iam/generated/operations.generated.js";
import type { IAMClientConfig } from "./fixtures/iam/generated/service.generated.js";
import { errorXml, type QueryServer, startQueryServer } from "./support/query-server.js";

const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const USER_XML =
  `<GetUserResponse xmlns="${NS}"><GetUserResult><User><Path>/</Path><UserName>alice</UserName>` +
  "<UserId>AIDA1</UserId><Arn>arn:aws:iam::1:user/alice</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate>" +
  "</User></GetUserResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetUserResponse>";
let server: QueryServer;

beforeAll(async () => {
  server = await startQueryServer(({ form }) =>
    form.get("UserName") === "denied"
      ? { status: 403, body: errorXml(NS, "AccessDenied", "not allowed", "e-1") }
      : { body: USER_XML },
  );
});
afterAll(() => server.close());

const client = (config: IAMClientConfig = {}) =>
  new IAMBaseClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    ...config,
  });

describe("SDK-shaped edges", () => {
  it("takes logger: console (an object with debug/info/warn/error) and a call still succeeds", async () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const iam = client({ logger });
    expect((await getUser(iam, { UserName: "alice" })).User?.UserName).toBe("alice");
    await getUser(iam, { UserName: "denied" }).catch(() => undefined);
    expect(logger.debug).toHaveBeenCalledWith(
      expect.objectContaining({ event: "response", operation: "GetUser" }),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ event: "failure", code: "AccessDenied" }),
    );
    // The real console works too (its output is the event object).
    const spy = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    try {
      await getUser(client({ logger: console }), { UserName: "alice" });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("still takes a logger function", async () => {
    const events: LogEvent[] = [];
    await getUser(client({ logger: (event) => events.push(event) }), { UserName: "alice" });
    expect(events.map((event) => event.event)).toEqual(["response"]);
  });

  it("names an unmodeled service error by its code, still an instance of the service's error class", async () => {
    const error = await getUser(client(), { UserName: "denied" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IAMServiceError);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).name).toBe("AccessDenied");
    expect((error as ServiceError).code).toBe("AccessDenied");
  });

  it("takes region as an async provider and checks what it returns", async () => {
    const provided = client({ region: async () => "eu-central-1", endpoint: undefined });
    expect((await provided.resolveEndpoint()).url.host).toBe("iam.amazonaws.com");
    expect(await provided.resolveRegion()).toBe("eu-central-1");
    const hostile = client({ region: async () => "evil.com#" });
    await expect(hostile.resolveRegion()).rejects.toThrow(/from the region option's provider/);
  });

  it("closes with await using (Symbol.asyncDispose)", async () => {
    const closed = vi.fn();
    {
      await using iam = client({
        transport: {
          send: async () => ({ status: 200, headers: {}, body: new Uint8Array() }),
          close: async () => closed(),
        },
      });
      expect(typeof iam[Symbol.asyncDispose]).toBe("function");
    }
    // A transport passed in is its owner's: the client does not close it.
    expect(closed).not.toHaveBeenCalled();
    const own = client();
    const closing = vi.spyOn(own, "close");
    await own[Symbol.asyncDispose]();
    expect(closing).toHaveBeenCalledTimes(1);
  });

  it("reports a misspelt input member, suggesting the member it meant", async () => {
    const error = await getUser(client(), { userName: "alice" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toContainEqual({
      path: "userName",
      rule: "unknown",
      message: "is not a member of the input; did you mean UserName?",
    });
    const far = await getUser(client(), { UserName: "alice", Colour: "blue" } as never).catch(
      (e: unknown) => e,
    );
    expect((far as ValidationError).issues).toEqual([
      { path: "Colour", rule: "unknown", message: "is not a member of the input" },
    ]);
  });
});
