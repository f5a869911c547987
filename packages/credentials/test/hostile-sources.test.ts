import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { fromEnv, NoCredentialsError } from "../src/index.js";
import { defaultChain, fromContainer, fromInstanceMetadata } from "../src/node/index.js";
import {
  AKID,
  expectNoLeak,
  FUTURE,
  json,
  type Loopback,
  loopback,
  rejection,
  SECRET,
  TOKEN,
  tempHome,
} from "./helpers.js";

// Values a compromised or misconfigured source may return; errors must name the field, not echo it.
const EXPIRATION_SECRET = "expiration-secret-93d1aa";
const ROLE_SECRET = "role-secret-c4b7e0";
const SECRETS = [EXPIRATION_SECRET, ROLE_SECRET, SECRET, TOKEN];

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const DOC = { AccessKeyId: AKID, SecretAccessKey: SECRET, Token: TOKEN, Expiration: FUTURE };

/** IMDSv2 answering with `role` and `doc` (or `status` for the credentials GET). */
function imds(role: string, doc: unknown, status = 200, token = "session") {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "PUT") return json(res, 200, token);
    if (req.url === "/latest/meta-data/iam/security-credentials/") return json(res, 200, `${role}\n`);
    return json(res, status, doc);
  };
}

describe("credential documents: errors name the field, never its value", () => {
  it("AWS_CREDENTIAL_EXPIRATION holding a secret", async () => {
    const env = {
      AWS_ACCESS_KEY_ID: AKID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_CREDENTIAL_EXPIRATION: EXPIRATION_SECRET,
    };
    const error = await rejection(fromEnv({ env })());
    expect(error.message).toMatch(/AWS_CREDENTIAL_EXPIRATION is not an ISO-8601 timestamp/);
    expectNoLeak(error, SECRETS);
  });

  it("a container document whose Expiration holds a secret", async () => {
    server = await loopback((_req, res) => json(res, 200, { ...DOC, Expiration: EXPIRATION_SECRET }));
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds` };
    const error = await rejection(fromContainer({ env })());
    expect(error.message).toMatch(/Expiration is not an ISO-8601 timestamp/);
    expectNoLeak(error, SECRETS);
  });

  it("an IMDS document whose Expiration holds a secret", async () => {
    server = await loopback(imds("my-role", { ...DOC, Expiration: EXPIRATION_SECRET }));
    const error = await rejection(fromInstanceMetadata({ endpoint: server.url, env: {} })());
    expect(error.message).toMatch(/Expiration is not an ISO-8601 timestamp/);
    expectNoLeak(error, SECRETS);
  });

  it("an IMDS role name from the role list is not echoed when its credentials cannot be fetched", async () => {
    server = await loopback(imds(ROLE_SECRET, "", 404));
    const error = await rejection(fromInstanceMetadata({ endpoint: server.url, env: {} })());
    expect(error.message).toMatch(/HTTP 404/);
    expectNoLeak(error, SECRETS);
  });
});

describe("no raw TypeError escapes a provider", () => {
  it.each(["not a url", "169.254.169.254", "ftp://x", "http://"])(
    "AWS_EC2_METADATA_SERVICE_ENDPOINT=%j is a CredentialsError naming the variable, and the chain goes on",
    async (endpoint) => {
      const env = { AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint };
      const error = await rejection(fromInstanceMetadata({ env })());
      expect(error).toMatchObject({ code: "invalid-config", tryNext: true });
      expect(error.message).toContain("AWS_EC2_METADATA_SERVICE_ENDPOINT");
      expect(error.message).toContain("expected an http:// or https:// URL");
    },
  );

  it("the endpoint option gets the same treatment, naming the option", async () => {
    const error = await rejection(fromInstanceMetadata({ endpoint: "not a url", env: {} })());
    expect(error).toMatchObject({ code: "url-not-allowed", tryNext: true });
    expect(error.message).toMatch(/endpoint option/);
  });

  it("the default chain reports a bad IMDS endpoint among its reasons instead of throwing a TypeError", async () => {
    const home = await tempHome();
    try {
      const provider = defaultChain({
        env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: "not a url" },
        homedir: home.dir,
      });
      const error = await provider().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NoCredentialsError);
      expect((error as NoCredentialsError).message).toContain("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    } finally {
      await home.remove();
    }
  });

  it.each(["not a url", "ftp://127.0.0.1/creds", "http://[::1"])(
    "AWS_CONTAINER_CREDENTIALS_FULL_URI=%j is a CredentialsError",
    async (full) => {
      const error = await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: full } })());
      expect(error.message).toContain("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    },
  );

  it("a container authorization token with a control character is a CredentialsError, not a crash", async () => {
    server = await loopback((_req, res) => json(res, 200, DOC));
    const env = {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: `Bearer ${TOKEN}\u0001`,
    };
    const error = await rejection(fromContainer({ env, timeoutMs: 100 })());
    expect(error).toMatchObject({ code: "invalid-credentials" });
    expectNoLeak(error, SECRETS);
    // A timer left armed by a request that was never sent would throw after timeoutMs.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it("an IMDS session token that is not a valid header value lets the chain move on, without a crash", async () => {
    server = await loopback(imds("my-role", DOC, 200, `bad\u0001${TOKEN}`));
    const error = await rejection(fromInstanceMetadata({ endpoint: server.url, env: {}, timeoutMs: 100 })());
    expect(error).toMatchObject({ code: "http-failed", tryNext: true });
    expectNoLeak(error, SECRETS);
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
});
