// Options of the wrong type, as plain JavaScript or JSON-built configuration passes them: each
// fails where the client is made, as a ClientError (code `config`) naming the option and what it
// takes, never as a TypeError inside a call, never as a silently wrong setting, and never
// repeating the value (a misplaced secret must not reach a log).
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ClientError } from "../src/index.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";
import { getUser } from "./fixtures/iam/generated/operations.generated.js";
import type { IAMClientConfig } from "./fixtures/iam/generated/service.generated.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET };
const unreachable = {
  send: async () => {
    throw new Error("the call reached the transport");
  },
  close: async () => {},
};
const base: IAMClientConfig = { region: "us-east-1", credentials: CREDENTIALS, transport: unreachable };

function constructionError(config: unknown): ClientError {
  try {
    new IAMBaseClient(config as IAMClientConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe("config");
    return error as ClientError;
  }
  throw new Error("the client was made");
}

describe("a client option of the wrong type", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      "credentials as a string",
      { credentials: `AKIDEXAMPLE:${SECRET}` },
      /credentials option .* got a string/,
    ],
    ["credentials as null", { credentials: null }, /credentials option .* got null/],
    [
      "credentials in a Credentials result's spelling",
      { credentials: { AccessKeyId: "ASIA", SecretAccessKey: SECRET, SessionToken: TOKEN } },
      /credentials option .* without accessKeyId .*accessKeyId: AccessKeyId/,
    ],
    ["a transport without send", { transport: {} }, /transport option must be a Transport/],
    ["a retryStrategy that is none", { retryStrategy: { maxAttempts: 3 } }, /retryStrategy option/],
    ["a logger of null", { logger: null }, /logger option .* got null/],
    ["a logger without methods", { logger: {} }, /logger option/],
    ["a logger whose methods are not functions", { logger: { debug: 1, warn: 1 } }, /logger option/],
    ["stubResponses as a string", { stubResponses: "getUser" }, /stubResponses option .* got a string/],
    ["a stub of null", { stubResponses: { getUser: null } }, /stubResponses\.getUser .* got null/],
    [
      "useFipsEndpoint as the string false",
      { useFipsEndpoint: "false" },
      /useFipsEndpoint option must be true or false/,
    ],
    [
      "useDualstackEndpoint as 1",
      { useDualstackEndpoint: 1 },
      /useDualstackEndpoint option must be true or false/,
    ],
    ["userAgentAppId as a number", { userAgentAppId: 5 }, /userAgentAppId option must be a string/],
    ["profile as a number", { profile: 5 }, /profile option must be a string/],
    [
      "maxAttempts as a string",
      { maxAttempts: "3" },
      /maxAttempts option must be a whole number of at least 1, got a string/,
    ],
  ])("%s", (_, options, message) => {
    const error = constructionError({ ...base, ...options });
    expect(error.message).toMatch(message);
    expect(inspect(error)).not.toContain(SECRET);
    expect(inspect(error)).not.toContain(TOKEN);
  });

  it.each([null, "us-east-1"])("client options of %s", (config) => {
    expect(constructionError(config).message).toMatch(/client options must be an object/);
  });

  it("accepts console as the logger", () => {
    expect(() => new IAMBaseClient({ ...base, logger: console })).not.toThrow();
  });
});

describe("a call option of the wrong type", () => {
  it.each<[string, unknown]>([
    ["options of null", null],
    ["a signal that is a string", { signal: "abort" }],
    ["a signal that is a plain object", { signal: {} }],
  ])("%s fails before any I/O, naming the call options", async (_, options) => {
    const client = new IAMBaseClient(base);
    const error = await getUser(client, { UserName: "alice" }, options as never).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).message).toMatch(/call options|signal call option/);
  });
});

describe("a stub function answering something that is no output", () => {
  it.each([null, "alice", 5])("%s fails naming the stub", async (answer) => {
    const client = new IAMBaseClient({ stubResponses: { getUser: () => answer } });
    const error = await getUser(client, { UserName: "alice" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).message).toMatch(/stubResponses\.getUser must return an output object/);
  });
});

describe("a transport resolving with something other than a response", () => {
  it.each([undefined, {}, { status: "200", headers: {}, body: "" }])(
    "%o is a ClientError naming the transport",
    async (answer) => {
      const client = new IAMBaseClient({
        ...base,
        maxAttempts: 1,
        transport: { send: async () => answer as never, close: async () => {} },
      });
      const error = await getUser(client, { UserName: "alice" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).message).toMatch(/the transport's send resolved with no HTTP response/);
    },
  );
});
