import { generateKeyPairSync } from "node:crypto";
import { chmod, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import type { Transport } from "@lanyard/http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../src/index.js";
import { type FromLoginSessionOptions, fromLoginSession } from "../src/node/index.js";
import { json, type TempHome, tempHome } from "./helpers.js";
import {
  CACHE_FILE,
  cacheDocument,
  type DpopKeys,
  grantNewTokens,
  LOGIN_SESSION,
  NEW,
  newDpopKey,
  OLD,
  type SigninServer,
  signinServer,
  type TokenHandler,
} from "./signin-server.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const now = () => NOW;
const inMinutes = (minutes: number): string => new Date(NOW + minutes * 60_000).toISOString();
const CONFIG = `[profile dev]\nlogin_session = ${LOGIN_SESSION}\nregion = us-west-2\n`;
const CACHE_PATH = `.aws/login/cache/${CACHE_FILE}`;
const FIX = "`aws login --profile dev`";
const noSleep = async (): Promise<void> => {};

let home: TempHome;
let server: SigninServer | undefined;
let keys: DpopKeys;
beforeEach(() => {
  keys = newDpopKey();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await home?.remove();
});

async function setUp(expiresAt: string, handler?: TokenHandler, cache?: string): Promise<void> {
  home = await tempHome({
    ".aws/config": CONFIG,
    [CACHE_PATH]: cache ?? JSON.stringify(cacheDocument(keys.pem, expiresAt)),
  });
  server = await signinServer(keys.privateKey, NOW, handler);
}

function provider(extra: Partial<FromLoginSessionOptions> = {}) {
  return fromLoginSession({
    profile: "dev",
    env: {},
    homedir: home.dir,
    now,
    endpoint: server?.url,
    sleep: noSleep,
    ...extra,
  });
}

/** The credentials a provider should return for one set of keys of the test session. */
const identity = (keys: typeof NEW) => ({
  accessKeyId: keys.accessKeyId,
  secretAccessKey: keys.secretAccessKey,
  sessionToken: keys.sessionToken,
  accountId: "012345678910",
});

const readCache = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(home.dir, CACHE_PATH), "utf8")) as Record<string, unknown>;

/** Every rendering of an error a user or a log might see. */
function renderings(error: unknown): string[] {
  return [String(error), (error as Error).message, inspect(error, { depth: 10 }), JSON.stringify(error)];
}

/**
 * The secrets in play, as fragments so that a partial quote is caught too (V8's JSON.parse
 * quotes ten characters): every test secret starts with one of these markers, and the first
 * twelve characters of each line of the private key's PEM body.
 */
function secrets(): string[] {
  const pemBody = keys.pem.split("\n").filter((line) => line && !line.startsWith("-----"));
  return [
    "SECRET-",
    "SESSIONTOKEN-",
    "REFRESHTOKEN-",
    "IDTOKEN-",
    ...pemBody.map((line) => line.slice(0, 12)),
  ];
}

async function failure(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  const rendered = renderings(error).join("\n");
  for (const secret of secrets()) expect(rendered).not.toContain(secret);
  return error as CredentialsError;
}

describe("fromLoginSession: cached credentials", () => {
  it("serves valid cached credentials without calling the sign-in service", async () => {
    await setUp(inMinutes(10));
    const creds = await provider()();
    expect(creds).toMatchObject(identity(OLD));
    expect(creds.expiration?.toISOString()).toBe(inMinutes(10));
    expect(server?.requests).toHaveLength(0);
    expect(inspect(creds)).not.toContain(OLD.secretAccessKey);
  });

  it("reads the cache from AWS_LOGIN_CACHE_DIRECTORY when it is set", async () => {
    await setUp(inMinutes(10));
    await home.write(`elsewhere/${CACHE_FILE}`, JSON.stringify(cacheDocument(keys.pem, inMinutes(60))));
    const env = { AWS_LOGIN_CACHE_DIRECTORY: join(home.dir, "elsewhere") };
    const creds = await provider({ env })();
    expect(creds.expiration?.toISOString()).toBe(inMinutes(60));
  });

  it("serves credentials with more than 5 minutes left and refreshes at exactly 5", async () => {
    await setUp(inMinutes(5.01));
    await provider()();
    expect(server?.requests).toHaveLength(0);
    await home.write(CACHE_PATH, JSON.stringify(cacheDocument(keys.pem, inMinutes(5))));
    expect((await provider()()).accessKeyId).toBe(NEW.accessKeyId);
  });
});

describe("fromLoginSession: refresh", () => {
  it.each([
    ["4 minutes left", inMinutes(4)],
    ["expired an hour ago", inMinutes(-60)],
  ])("refreshes with a DPoP proof and rewrites the cache when %s", async (_name, expiresAt) => {
    await setUp(expiresAt);
    const before = await readCache();
    const creds = await provider()();
    expect(creds).toMatchObject(identity(NEW));
    expect(creds.expiration?.getTime()).toBe(NOW + 900_000);

    const [request] = server?.tokenRequests ?? [];
    expect(request?.proofProblems).toEqual([]);
    expect(request?.body).toEqual({
      clientId: "arn:aws:signin:::devtools/same-device",
      grantType: "refresh_token",
      refreshToken: OLD.refreshToken,
    });

    const after = await readCache();
    expect(after).toEqual({
      ...before,
      accessToken: {
        ...(before.accessToken as object),
        accessKeyId: NEW.accessKeyId,
        secretAccessKey: NEW.secretAccessKey,
        sessionToken: NEW.sessionToken,
        expiresAt: new Date(NOW + 900_000).toISOString(),
      },
      refreshToken: NEW.refreshToken,
    });
    expect(Object.keys(after)).toEqual(Object.keys(before));
    if (process.platform !== "win32") {
      expect((await stat(join(home.dir, CACHE_PATH))).mode & 0o777).toBe(0o600);
    }
    expect(await readdir(join(home.dir, ".aws/login/cache"))).toEqual([CACHE_FILE]);
  });

  it("uses the rotated refresh token on the next refresh", async () => {
    await setUp(inMinutes(1));
    await provider()();
    const later = () => NOW + 20 * 60_000;
    const seen: unknown[] = [];
    await server?.close();
    server = await signinServer(keys.privateKey, later(), (request, res) => {
      seen.push(request.body.refreshToken);
      json(res, 401, { error: "TOKEN_EXPIRED", message: "expired" });
    });
    await failure(provider({ now: later, endpoint: server.url })());
    expect(seen).toEqual([NEW.refreshToken]);
  });

  it("accepts a PKCS#8 DPoP key as well as the CLI's SEC1 key", async () => {
    const pkcs8 = keys.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    await setUp(inMinutes(1), undefined, JSON.stringify(cacheDocument(pkcs8, inMinutes(1))));
    expect((await provider()()).accessKeyId).toBe(NEW.accessKeyId);
    expect(server?.tokenRequests[0]?.proofProblems).toEqual([]);
  });

  it("sends the refresh through a caller's transport when one is given", async () => {
    await setUp(inMinutes(1));
    const sent: string[] = [];
    const transport: Transport = {
      async send(request) {
        sent.push(`${request.method} ${request.url.href}`);
        const init = { method: request.method, headers: request.headers, body: request.body ?? null };
        const res = await fetch(request.url, init as RequestInit);
        return { status: res.status, headers: {}, body: new Uint8Array(await res.arrayBuffer()) };
      },
      async close() {},
    };
    expect((await provider({ transport })()).accessKeyId).toBe(NEW.accessKeyId);
    expect(sent).toEqual([`POST ${server?.url}/v1/token`]);
    expect(server?.tokenRequests[0]?.proofProblems).toEqual([]);
  });

  it("takes the endpoint from AWS_ENDPOINT_URL_SIGNIN, and the option over it", async () => {
    await setUp(inMinutes(1));
    const env = { AWS_ENDPOINT_URL_SIGNIN: server?.url };
    expect((await provider({ env, endpoint: undefined })()).accessKeyId).toBe(NEW.accessKeyId);
    await home.write(CACHE_PATH, JSON.stringify(cacheDocument(keys.pem, inMinutes(1))));
    const dead = { AWS_ENDPOINT_URL_SIGNIN: "http://127.0.0.1:9" };
    expect((await provider({ env: dead })()).accessKeyId).toBe(NEW.accessKeyId);
  });

  it("tries again after a 5xx, with a fresh proof, and then succeeds", async () => {
    let calls = 0;
    await setUp(inMinutes(1), (request, res) => {
      calls++;
      if (calls === 1) return json(res, 503, { error: "server_error", message: "busy" });
      return grantNewTokens(request, res);
    });
    expect((await provider()()).accessKeyId).toBe(NEW.accessKeyId);
    expect(server?.tokenRequests.map((r) => r.proofProblems)).toEqual([[], []]);
    const jtis = server?.tokenRequests.map((r) => r.proof?.payload.jti);
    expect(new Set(jtis).size).toBe(2);
  });
});

describe("fromLoginSession: the service refuses", () => {
  it.each([
    [401, "TOKEN_EXPIRED", "login-required", "has expired"],
    [403, "USER_CREDENTIALS_CHANGED", "login-required", "password changed"],
    [403, "INSUFFICIENT_PERMISSIONS", "login-refresh-failed", "signin:CreateOAuth2Token"],
    [400, "INVALID_REQUEST", "login-required", "refused the refresh"],
  ])("HTTP %i %s: %s naming the profile and the fix, cache untouched", async (status, code, want, phrase) => {
    await setUp(inMinutes(-1), (_request, res) =>
      // The service's own message echoes the refresh token: it must not reach the error.
      json(res, status, { __type: "AccessDeniedException", error: code, message: `bad ${OLD.refreshToken}` }),
    );
    const before = await readFile(join(home.dir, CACHE_PATH), "utf8");
    const error = await failure(provider()());
    expect(error.code).toBe(want);
    expect(error.tryNext).toBe(false);
    expect(error.message).toContain('profile "dev"');
    expect(error.message).toContain(FIX);
    expect(error.message).toContain(phrase);
    expect(error.message).toContain(code);
    expect(await readFile(join(home.dir, CACHE_PATH), "utf8")).toBe(before);
    expect(server?.requests).toHaveLength(1);
  });

  it("keeps a hostile error code out of the message", async () => {
    await setUp(inMinutes(-1), (_request, res) =>
      json(res, 400, { error: OLD.refreshToken, __type: OLD.sessionToken }),
    );
    const error = await failure(provider()());
    expect(error.message).toMatch(/HTTP 400\)/);
  });

  it("gives up after 3 attempts at a failing service and says so", async () => {
    const waits: number[] = [];
    await setUp(inMinutes(-1), (_request, res) => json(res, 500, { error: "server_error", message: "x" }));
    const error = await failure(provider({ sleep: async (ms) => void waits.push(ms) })());
    expect(error.code).toBe("login-refresh-failed");
    expect(error.message).toContain("HTTP 500 after 3 attempt(s)");
    expect(error.message).toContain(FIX);
    expect(waits).toEqual([100, 200]);
  });

  it.each([
    [
      "no sessionToken",
      { accessToken: { accessKeyId: "A", secretAccessKey: "S" }, refreshToken: "R", expiresIn: 900 },
    ],
    [
      "no refreshToken",
      { accessToken: { accessKeyId: "A", secretAccessKey: "S", sessionToken: "T" }, expiresIn: 9 },
    ],
    [
      "expiresIn not a number",
      {
        ...{ accessToken: { accessKeyId: "A", secretAccessKey: "S", sessionToken: "T" } },
        refreshToken: "R",
        expiresIn: "soon",
      },
    ],
    [
      "an expiresIn past the last date there is",
      {
        ...{ accessToken: { accessKeyId: "A", secretAccessKey: "S", sessionToken: "T" } },
        refreshToken: "R",
        expiresIn: 1e20,
      },
    ],
    ["not JSON", `{"accessToken": {"secretAccessKey": "${NEW.secretAccessKey}"`],
  ])("rejects a 200 answer with %s and keeps the cache", async (_name, answer) => {
    await setUp(inMinutes(-1), (_request, res) => json(res, 200, answer));
    const before = await readFile(join(home.dir, CACHE_PATH), "utf8");
    const error = await failure(provider()());
    expect(error.code).toBe("login-refresh-failed");
    expect(error.message).toContain("without the refreshed credentials");
    expect(await readFile(join(home.dir, CACHE_PATH), "utf8")).toBe(before);
  });

  it("defaults expiresIn to 900 seconds when the answer has none, as the JavaScript SDK does", async () => {
    await setUp(inMinutes(-1), (_request, res) =>
      json(res, 200, {
        accessToken: {
          accessKeyId: NEW.accessKeyId,
          secretAccessKey: NEW.secretAccessKey,
          sessionToken: NEW.sessionToken,
        },
        refreshToken: NEW.refreshToken,
      }),
    );
    expect((await provider()()).expiration?.getTime()).toBe(NOW + 900_000);
  });
});

describe("fromLoginSession: unreachable endpoint", () => {
  it("fails with http-failed after 3 attempts, naming the profile and the fix", async () => {
    await setUp(inMinutes(-1));
    const closed = server as SigninServer;
    const { port } = new URL(closed.url);
    await closed.close();
    server = undefined;
    const error = await failure(provider({ endpoint: `http://127.0.0.1:${port}` })());
    expect(error.code).toBe("http-failed");
    expect(error.tryNext).toBe(false);
    expect(error.message).toContain(`could not reach the sign-in service at http://127.0.0.1:${port}`);
    expect(error.message).toContain("after 3 attempt(s)");
    expect(error.message).toContain(FIX);
  });

  it("names the missing region when no endpoint or region is configured", async () => {
    home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      [CACHE_PATH]: JSON.stringify(cacheDocument(keys.pem, inMinutes(-1))),
    });
    const error = await failure(provider({ endpoint: undefined })());
    expect(error.code).toBe("login-refresh-failed");
    expect(error.message).toContain("needs a region");
    expect(error.message).toContain("--profile dev");
  });

  it("rejects a configured endpoint that is not an http(s) URL without echoing it", async () => {
    await setUp(inMinutes(-1));
    const env = { AWS_ENDPOINT_URL_SIGNIN: "file:///etc/passwd" };
    const error = await failure(provider({ env, endpoint: undefined })());
    expect(error.message).toContain(
      "AWS_ENDPOINT_URL_SIGNIN is not valid: expected an http:// or https:// URL",
    );
    expect(error.message).not.toContain("passwd");
  });
});

describe("fromLoginSession: bad cache files", () => {
  it("refuses a cache file over 1 MiB as too large, naming the file and the fix", async () => {
    await setUp(inMinutes(60), undefined, `${" ".repeat(1024 * 1024)}${OLD.secretAccessKey}`);
    const error = await failure(provider()());
    expect(error.code).toBe("file-too-large");
    expect(error.tryNext).toBe(false);
    expect(error.message).toContain(`${CACHE_FILE} is too large to be a session file`);
    expect(error.message).toContain(FIX);
    expect(error.message).not.toContain(OLD.secretAccessKey);
  });

  it("names the missing cache file and the fix", async () => {
    home = await tempHome({ ".aws/config": CONFIG });
    const error = await failure(provider()());
    expect(error.code).toBe("login-required");
    expect(error.tryNext).toBe(false);
    expect(error.message).toContain(CACHE_FILE);
    expect(error.message).toContain(FIX);
  });

  const valid = () => cacheDocument(keys.pem, inMinutes(-1));
  const without = (field: string) => {
    const doc = valid();
    delete doc[field];
    return JSON.stringify(doc);
  };
  it.each<[string, () => string, string]>([
    ["truncated JSON holding a secret", () => JSON.stringify(valid()).slice(0, 120), "not a JSON object"],
    // V8 quotes the text around an unexpected token in JSON.parse's message.
    [
      "a bare secret where JSON is expected",
      () => `{"accessToken": ${OLD.secretAccessKey}}`,
      "not a JSON object",
    ],
    ["a JSON array", () => "[1,2]", "not a JSON object"],
    ["no refreshToken", () => without("refreshToken"), "refreshToken"],
    ["no dpopKey", () => without("dpopKey"), "dpopKey"],
    ["no clientId", () => without("clientId"), "clientId"],
    ["no accessToken", () => without("accessToken"), "accessToken"],
    [
      "no accountId",
      () =>
        JSON.stringify({ ...valid(), accessToken: { ...(valid().accessToken as object), accountId: "" } }),
      "accessToken.accountId",
    ],
    [
      "an expiresAt that is not a date",
      () =>
        JSON.stringify({
          ...valid(),
          accessToken: { ...(valid().accessToken as object), expiresAt: "soon" },
        }),
      "not an ISO-8601 timestamp",
    ],
    [
      "a dpopKey that is not a key",
      () => JSON.stringify({ ...valid(), dpopKey: `${OLD.secretAccessKey}` }),
      "P-256",
    ],
    [
      "a P-384 dpopKey",
      () => {
        const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
        return JSON.stringify({ ...valid(), dpopKey: privateKey.export({ format: "pem", type: "sec1" }) });
      },
      "P-256",
    ],
  ])("rejects a cache with %s, naming the problem and the fix", async (_name, contents, problem) => {
    await setUp(inMinutes(-1), undefined, contents());
    const error = await failure(provider()());
    expect(error.code).toBe("login-required");
    expect(error.tryNext).toBe(false);
    expect(error.message).toContain(problem);
    expect(error.message).toContain(FIX);
    expect(server?.requests).toHaveLength(0);
  });

  // Directory permissions do not bind root or Windows, so there the test cannot fail the write.
  const canDenyWrites = process.platform !== "win32" && process.getuid?.() !== 0;
  it.runIf(canDenyWrites)(
    "reports a cache it cannot save, rather than serving credentials it cannot refresh",
    async () => {
      await setUp(inMinutes(-1));
      const dir = join(home.dir, ".aws/login/cache");
      await chmod(dir, 0o500);
      try {
        const error = await failure(provider()());
        expect(error.code).toBe("login-refresh-failed");
        expect(error.message).toContain("could not be saved");
        expect(error.message).toContain("EACCES");
      } finally {
        await chmod(dir, 0o700);
      }
    },
  );
});

describe("fromLoginSession: profiles", () => {
  it.each([
    ["a missing profile", "[profile other]\nregion = us-east-1\n", "is not in the shared config file"],
    ["a profile without login_session", "[profile dev]\nregion = us-east-1\n", "has no login_session"],
  ])("lets a chain move on past %s, still naming the fix", async (_name, config, phrase) => {
    home = await tempHome({ ".aws/config": config });
    const error = await failure(provider()());
    expect(error.code).toBe("not-configured");
    expect(error.tryNext).toBe(true);
    expect(error.message).toContain(phrase);
    expect(error.message).toContain(FIX);
  });

  it("selects the profile from AWS_PROFILE", async () => {
    await setUp(inMinutes(10));
    const creds = await provider({ profile: undefined, env: { AWS_PROFILE: "dev" } })();
    expect(creds.accessKeyId).toBe(OLD.accessKeyId);
  });
});
