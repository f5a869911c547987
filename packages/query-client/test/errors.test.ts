// Every error a call can raise is one of the documented classes: a ServiceError (the service
// answered), a ClientError with one of its codes, a TransportError (the network, or the caller's
// abort), or the CredentialsError / SigV4Error of a credential source or signer. Each ClientError
// code is one some call raises.
import { CredentialsError } from "@lanyard/credentials";
import { isTransportError, TransportError } from "@lanyard/http";
import { SigV4Error } from "@lanyard/sigv4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientError, type ClientErrorCode, ServiceError } from "../src/index.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";
import { getUser } from "./fixtures/iam/generated/operations.generated.js";
import { IAM_SERVICE, type IAMClientConfig } from "./fixtures/iam/generated/service.generated.js";
import { errorXml, type QueryServer, startQueryServer } from "./support/query-server.js";

const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
let server: QueryServer;

beforeAll(async () => {
  server = await startQueryServer(({ form }) => {
    const name = form.get("UserName");
    if (name === "malformed") return { body: "<GetUserResponse><GetUserResult><User><CreateDate>soon" };
    if (name === "denied") return { status: 403, body: errorXml(NS, "AccessDenied", "no", "e-1") };
    return { status: 500, body: "" };
  });
});
afterAll(() => server.close());

/** What one GetUser call raises, on a client built from `config` (construction included). */
async function failure(config: IAMClientConfig, userName = "alice"): Promise<unknown> {
  try {
    const client = new IAMBaseClient({
      region: "us-east-1",
      endpoint: server.url,
      credentials: CREDENTIALS,
      maxAttempts: 1,
      ...config,
    });
    await getUser(client, { UserName: userName });
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

const documented = (error: unknown) =>
  error instanceof ServiceError ||
  error instanceof ClientError ||
  isTransportError(error) ||
  error instanceof CredentialsError ||
  error instanceof SigV4Error;

describe("errors that reach a caller", () => {
  const codes: Partial<Record<ClientErrorCode, () => Promise<unknown>>> = {
    validation: () => failure({}, "has spaces"),
    config: () => failure({ region: "evil.com#" }),
    "missing-region": () => failure({ region: undefined, endpoint: undefined }),
    "missing-credentials": async () => {
      const client = new IAMBaseClient({ region: "us-east-1", endpoint: server.url });
      // A service whose clients have no default credentials, as STS outside Node.
      Object.defineProperty(client, "service", {
        value: { ...IAM_SERVICE, defaultCredentials: () => undefined },
      });
      return getUser(client, { UserName: "alice" }).catch((error: unknown) => error);
    },
    endpoint: () => failure({ endpoint: "localhost:4566" }),
    parse: () => failure({}, "malformed"),
  };

  it.each(Object.entries(codes))("a ClientError with code %s comes from a real call", async (code, make) => {
    const saved = { ...process.env };
    process.env.AWS_CONFIG_FILE = "/nonexistent/config";
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const error = await make();
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).code).toBe(code);
    } finally {
      process.env = saved;
    }
  });

  it("raises every ClientErrorCode somewhere (the type lists none that nothing throws)", () => {
    const declared: Record<ClientErrorCode, true> = {
      validation: true,
      config: true,
      "missing-region": true,
      "missing-credentials": true,
      endpoint: true,
      parse: true,
    };
    expect(Object.keys(codes).sort()).toEqual(Object.keys(declared).sort());
  });

  it("checks static credentials at the first signed call, naming the option and hiding the secret", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const client = new IAMBaseClient({
      region: "us-east-1",
      endpoint: server.url,
      credentials: { accessKeyId: "", secretAccessKey: secret },
    });
    expect(JSON.stringify(client.config)).not.toContain(secret);
    const error = await getUser(client, { UserName: "alice" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).code).toBe("invalid-credentials");
    expect(String(error)).toContain("the credentials option");
    expect(String(error)).not.toContain(secret);
  });

  it("passes the other failures through as their own documented classes", async () => {
    const failures = [
      await failure({}, "denied"),
      await failure({ endpoint: "http://127.0.0.1:9" }),
      await failure({
        credentials: async () => Promise.reject(new CredentialsError("not-configured", "none here")),
      }),
      await failure({ credentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "" }) }),
    ];
    expect(failures[0]).toBeInstanceOf(ServiceError);
    expect(failures[1]).toBeInstanceOf(TransportError);
    expect(failures[2]).toBeInstanceOf(CredentialsError);
    // A provider's credentials without a secret are caught by the credential cache before signing.
    expect(failures[3]).toBeInstanceOf(CredentialsError);
    expect((failures[3] as CredentialsError).code).toBe("invalid-credentials");
    for (const error of failures) expect(documented(error), String(error)).toBe(true);
  });
});
