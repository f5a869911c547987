import { describe, expect, it } from "vitest";
import { type CredentialProvider, cached, chain, fromEnv } from "../src/index.js";
import {
  defaultChain,
  fromContainer,
  fromIni,
  fromInstanceMetadata,
  fromLoginSession,
  fromSso,
  loadSharedConfig,
  runCredentialProcess,
} from "../src/node/index.js";
import { failure, imdsHandler, json, loopback, rejection, tempHome, useScratch } from "./helpers.js";
import { CACHE_FILE, cacheDocument, LOGIN_SESSION, newDpopKey, signinServer } from "./signin-server.js";

// Options of the wrong type (from untyped JavaScript, a JSON config, an env var left unparsed)
// must be a CredentialsError naming the option and what it takes, never a raw TypeError, a bare
// Error, or a silently different behaviour (no attempt at all, an instant timeout).

const scratch = useScratch();

/** The role an IAM Identity Center test asks for, through the legacy (session-less) options. */
const SSO_ROLE = {
  ssoStartUrl: "https://corp.awsapps.com/start",
  ssoAccountId: "012345678901",
  ssoRegion: "us-east-1",
  ssoRoleName: "Dev",
};

async function containerServer() {
  scratch.server = await loopback((_req, res) =>
    json(res, 200, { AccessKeyId: "AKID", SecretAccessKey: "S", Expiration: "2999-01-01T00:00:00Z" }),
  );
  return { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${scratch.server.url}/creds` };
}

describe("numeric options", () => {
  it.each([
    ["maxRetries", -1, "a whole number of at least 0"],
    ["maxRetries", Number.NaN, "a whole number of at least 0"],
    ["maxRetries", "3", "a whole number of at least 0"],
    ["maxRetries", 1.5, "a whole number of at least 0"],
    ["timeoutMs", "1000", "a finite number of at least 1"],
    ["timeoutMs", 0, "a finite number of at least 1"],
  ])("fromContainer %s = %o names the option instead of failing oddly", async (name, value, expected) => {
    const env = await containerServer();
    const error = await rejection(fromContainer({ env, [name]: value })());
    expect(error).toMatchObject({ code: "invalid-config", tryNext: false });
    expect(error.message).toBe(`fromContainer: the ${name} option must be ${expected}`);
    expect(scratch.server?.requests).toHaveLength(0);
  });

  it("fromContainer still takes maxRetries 0 and null as the default", async () => {
    const env = await containerServer();
    expect((await fromContainer({ env, maxRetries: 0 })()).accessKeyId).toBe("AKID");
    const withNull = { env, maxRetries: null, timeoutMs: null } as unknown as Parameters<
      typeof fromContainer
    >[0];
    expect((await fromContainer(withNull)()).accessKeyId).toBe("AKID");
  });

  it("fromInstanceMetadata timeoutMs that is not a number lets a chain go on, like its endpoint option", async () => {
    scratch.server = await loopback(imdsHandler("AKIDIMDS"));
    const options = { env: {}, endpoint: scratch.server.url, timeoutMs: "1000" as unknown as number };
    const error = await rejection(fromInstanceMetadata(options)());
    expect(error).toMatchObject({ code: "invalid-config", tryNext: true });
    expect(error.message).toBe(
      "fromInstanceMetadata: the timeoutMs option must be a finite number of at least 1",
    );
    expect(scratch.server.requests).toHaveLength(0);
  });

  it("credential_process timeoutMs that is not a number is refused before the helper runs", async () => {
    const error = await rejection(
      runCredentialProcess(
        "/opt/sso-helper --token t0ps3cret",
        { timeoutMs: "abc" as unknown as number },
        "dev",
      ),
    );
    expect(error.code).toBe("invalid-config");
    expect(error.message).toBe(
      'credential_process "sso-helper" of profile "dev": the timeoutMs option must be a finite number of at least 1',
    );
  });

  it("console login maxAttempts NaN is an error, where it made no attempt and a message without a reason", async () => {
    const keys = newDpopKey();
    const now = Date.parse("2026-03-01T12:00:00Z");
    scratch.home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\nregion = us-west-2\n`,
      [`.aws/login/cache/${CACHE_FILE}`]: JSON.stringify(
        cacheDocument(keys.pem, new Date(now).toISOString()),
      ),
    });
    const server = await signinServer(keys.privateKey, now);
    try {
      const provider = fromLoginSession({
        profile: "dev",
        env: {},
        homedir: scratch.home.dir,
        now: () => now,
        endpoint: server.url,
        maxAttempts: Number.NaN,
      });
      const error = await rejection(provider());
      expect(error.code).toBe("invalid-config");
      expect(error.message).toBe(
        'profile "dev" (console login): the maxAttempts option must be a whole number of at least 0',
      );
      expect(server.tokenRequests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("IAM Identity Center ssoTimeoutMs that is not a number is named", async () => {
    const options = {
      env: {},
      homedir: "/nonexistent",
      ...SSO_ROLE,
      ssoTimeoutMs: "15s" as unknown as number,
    };
    const error = await rejection(fromSso(options)());
    expect(error.message).toBe(
      'profile "default": the ssoTimeoutMs option must be a finite number of at least 1',
    );
  });

  it.each([
    ["refreshWindowMs", Number.NaN],
    ["mandatoryWindowMs", "5m"],
    ["backoffBaseMs", -1],
    ["backoffMaxMs", Number.POSITIVE_INFINITY],
  ])("cached %s = %o is refused when the cache is made, where NaN refetched on every call", (name, value) => {
    const provider: CredentialProvider = async () => ({ accessKeyId: "A", secretAccessKey: "S" });
    expect(() => cached(provider, { [name]: value })).toThrow(
      expect.objectContaining({
        code: "invalid-config",
        message: `cached: the ${name} option must be a finite number of at least 0`,
      }),
    );
  });

  it("defaultChain's refreshWindowMs goes through the same check", () => {
    expect(() => defaultChain({ refreshWindowMs: "15m" as unknown as number })).toThrow(
      "cached: the refreshWindowMs option must be a finite number of at least 0",
    );
  });
});

describe("options that must be strings", () => {
  it.each([
    ["a number", 123],
    ["an object", {}],
  ])("homedir as %s is named, not a TypeError from node:path", async (_what, homedir) => {
    const options = { env: {}, homedir: homedir as unknown as string };
    for (const attempt of [fromIni(options)(), loadSharedConfig(options)]) {
      const error = await rejection(attempt);
      expect(error).toMatchObject({ code: "invalid-config", tryNext: false });
      expect(error.message).toBe("the homedir option must be a string (a directory path)");
    }
  });

  it.each([
    ["ssoStartUrl", 5, "fromSso: the ssoStartUrl option must be a string"],
    ["ssoSession", 7, "fromSso: the ssoSession option must be a string"],
    [
      "ssoAccountId",
      12345678901,
      'fromSso: the ssoAccountId option must be a string (quote the account ID, e.g. "012345678901")',
    ],
  ])("fromSso %s = %o is named, not a TypeError or another account", async (name, value, message) => {
    scratch.server = await loopback((_req, res) => json(res, 500, {}));
    const options = {
      env: { AWS_ENDPOINT_URL_SSO: scratch.server.url, AWS_ENDPOINT_URL_SSO_OIDC: scratch.server.url },
      homedir: "/nonexistent",
      ...SSO_ROLE,
      [name]: value,
    };
    const error = await rejection(fromSso(options)());
    expect(error).toMatchObject({ code: "invalid-config", tryNext: false });
    expect(error.message).toBe(message);
    expect(scratch.server.requests).toHaveLength(0);
  });

  it("fromSso with an empty ssoSession uses the start URL's token, not the cache entry of the name ''", async () => {
    const error = await failure(
      fromSso({
        env: {},
        homedir: "/nonexistent",
        ...SSO_ROLE,
        ssoSession: "",
      })(),
    );
    expect(error?.message).toContain(
      "no IAM Identity Center token is cached for start URL https://corp.awsapps.com/start",
    );
  });
});

describe("chain", () => {
  it("refuses a provider that is not a function when the chain is made", () => {
    const maybe = undefined as unknown as CredentialProvider;
    expect(() => chain(fromEnv({ env: {} }), maybe)).toThrow(
      expect.objectContaining({
        code: "invalid-config",
        message:
          "chain: provider 2 of 2 is not a function (expected a credential provider such as fromEnv())",
      }),
    );
  });
});
