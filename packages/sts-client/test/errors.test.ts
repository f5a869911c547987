import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as generated from "../src/generated/operations.generated.js";
import { type Operation, STSClient, STSServiceError } from "../src/index.js";
import { CREDENTIALS, testClient } from "./support/client.js";
import { errorXml, type StsServer, startStsServer } from "./support/sts-server.js";

let server: StsServer;
let client: STSClient;
beforeAll(async () => {
  server = await startStsServer();
  client = testClient(server.url);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

// Every modeled error, with an operation that declares it (from service-2.json).
const operations = Object.values(generated as Record<string, unknown>).filter(
  (value): value is Operation<unknown, unknown> => typeof value === "object",
);
const modeled = operations.flatMap((op) =>
  Object.entries(op.errors).map(([code, ErrorClass]) => ({ op, code, ErrorClass })),
);
const unique = [...new Map(modeled.map((m) => [m.code, m])).values()];

const minimalInputs: Record<string, object> = {
  AssumeRole: { RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "s1" },
  AssumeRoleWithSAML: {
    RoleArn: "arn:aws:iam::123456789012:role/demo",
    PrincipalArn: "arn:aws:iam::123456789012:saml-provider/x",
    SAMLAssertion: "a".repeat(10),
  },
  AssumeRoleWithWebIdentity: {
    RoleArn: "arn:aws:iam::123456789012:role/demo",
    RoleSessionName: "s1",
    WebIdentityToken: "t".repeat(10),
  },
  DecodeAuthorizationMessage: { EncodedMessage: "msg" },
  GetDelegatedAccessToken: { TradeInToken: "t".repeat(10) },
  GetFederationToken: { Name: "Bob" },
  GetSessionToken: {},
  GetWebIdentityToken: { Audience: ["https://example.com"], SigningAlgorithm: "ES384" },
  AssumeRoot: {
    TargetPrincipal: "123456789012",
    TaskPolicyArn: { arn: "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials" },
  },
};

describe("modeled errors", () => {
  it("exports a class for each of the 12 modeled error codes", () => {
    expect(unique).toHaveLength(12);
  });

  it.each(unique.map((m) => [m.code, m] as const))(
    "maps %s to its class",
    async (code, { op, ErrorClass }) => {
      server.setHandler(() => ({ status: 400, body: errorXml(code, `bad thing: ${code}`, "rid-9") }));
      const input = minimalInputs[op.name];
      expect(input, `minimal input for ${op.name}`).toBeDefined();
      const error = await client.send(op as never, input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(STSServiceError);
      const e = error as STSServiceError;
      expect(e.code).toBe(code);
      expect(e.name).toBe(ErrorClass.name);
      expect(e.message).toBe(`bad thing: ${code}`);
      // STS models IDPCommunicationError as retryable, so it is tried maxAttempts (3) times.
      const attempts = code === "IDPCommunicationError" ? 3 : 1;
      expect(e.$metadata).toEqual({ httpStatusCode: 400, requestId: "rid-9", attempts, totalRetryDelay: 0 });
    },
  );
});

describe("unmodeled and malformed errors", () => {
  it("gives an STSServiceError named by the wire code for an unmodeled code", async () => {
    server.setHandler(() => ({ status: 403, body: errorXml("AccessDenied", "not allowed") }));
    const error = (await client.getCallerIdentity().catch((e: unknown) => e)) as STSServiceError;
    expect(error.constructor).toBe(STSServiceError);
    expect(error.code).toBe("AccessDenied");
    // As in the SDKs: `error.name === "AccessDenied"` checks work for codes the model lacks.
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("still gives a useful error for a non-XML body (a proxy's HTML page)", async () => {
    server.setHandler(() => ({
      status: 403,
      headers: { "content-type": "text/html" },
      body: "<html><body>Forbidden</body></html>",
    }));
    const error = (await client.getCallerIdentity().catch((e: unknown) => e)) as STSServiceError;
    expect(error).toBeInstanceOf(STSServiceError);
    expect(error.message).toMatch(/403/);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("puts no credential material in errors or log events", async () => {
    const events: unknown[] = [];
    const logged = new STSClient({ ...client.config, logger: (event) => events.push(event) });
    server.setHandler(() => ({ status: 400, body: errorXml("ExpiredTokenException", "expired") }));
    const error = await logged.assumeRole(minimalInputs.AssumeRole as never).catch((e: unknown) => e);
    const text = JSON.stringify([error, String(error), (error as Error).stack, events]);
    expect(events.length).toBeGreaterThan(0);
    for (const secret of [CREDENTIALS.secretAccessKey, CREDENTIALS.sessionToken])
      expect(text).not.toContain(secret);
    await logged.close();
  });
});

describe("redaction", () => {
  it("keeps credentials out of the client's JSON and inspect output", async () => {
    const { inspect } = await import("node:util");
    const text = JSON.stringify(client) + inspect(client, { depth: 5 });
    expect(text).toContain("[redacted]");
    expect(text).not.toContain(CREDENTIALS.secretAccessKey);
  });
});
