import { afterEach, describe, expect, it } from "vitest";
import { type CredentialsError, createCredentials } from "../src/index.js";
import { defaultChain, fromIni } from "../src/node/index.js";
import { AKID, json, type Loopback, loopback, SECRET, type TempHome, tempHome } from "./helpers.js";
import {
  CACHE_FILE,
  cacheDocument,
  LOGIN_SESSION,
  NEW,
  newDpopKey,
  OLD,
  signinServer,
} from "./signin-server.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const now = () => NOW;
const LATER = new Date(NOW + 3_600_000).toISOString();
const CACHE_PATH = `.aws/login/cache/${CACHE_FILE}`;

let home: TempHome;
const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await home?.remove();
});

/** A container credentials endpoint standing for "some other identity" the chain must not reach. */
async function otherIdentity(): Promise<Loopback> {
  const server = await loopback((_req, res) =>
    json(res, 200, { AccessKeyId: AKID, SecretAccessKey: SECRET }),
  );
  servers.push(server);
  return server;
}

describe("console login in the default chain", () => {
  it("serves a login_session profile through the shared-files step", async () => {
    const { pem } = newDpopKey();
    home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      ".aws/credentials": "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n",
      [CACHE_PATH]: JSON.stringify(cacheDocument(pem, LATER)),
    });
    const creds = await defaultChain({ profile: "dev", env: {}, homedir: home.dir, now })();
    expect(creds.accessKeyId).toBe(OLD.accessKeyId);
  });

  it("lets a profile's static keys win over its login_session, as the JavaScript SDK does", async () => {
    const { pem } = newDpopKey();
    home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      ".aws/credentials": "[dev]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n",
      [CACHE_PATH]: JSON.stringify(cacheDocument(pem, LATER)),
    });
    const creds = await defaultChain({ profile: "dev", env: {}, homedir: home.dir, now })();
    expect(creds.accessKeyId).toBe("AKIDFILE");
  });

  it("stops at a login profile whose cache is missing instead of using another identity", async () => {
    const other = await otherIdentity();
    home = await tempHome({ ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n` });
    const env = { AWS_PROFILE: "dev", AWS_CONTAINER_CREDENTIALS_FULL_URI: other.url };
    const error = (await defaultChain({ env, homedir: home.dir, now })().catch(
      (e: unknown) => e,
    )) as CredentialsError;
    expect(error.code).toBe("login-required");
    expect(error.message).toContain("`aws login --profile dev`");
    expect(other.requests).toHaveLength(0);
  });

  it("stops at a login profile whose refresh is refused instead of using another identity", async () => {
    const other = await otherIdentity();
    const keys = newDpopKey();
    const signin = await signinServer(keys.privateKey, NOW, (_r, res) =>
      json(res, 401, { error: "TOKEN_EXPIRED" }),
    );
    servers.push(signin);
    home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      [CACHE_PATH]: JSON.stringify(cacheDocument(keys.pem, new Date(NOW - 1000).toISOString())),
    });
    const env = { AWS_PROFILE: "dev", AWS_CONTAINER_CREDENTIALS_FULL_URI: other.url };
    const login = { endpoint: signin.url, sleep: async () => {} };
    const error = (await defaultChain({ env, homedir: home.dir, now, login })().catch(
      (e: unknown) => e,
    )) as CredentialsError;
    expect(error.code).toBe("login-required");
    expect(signin.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it("refreshes through the chain's login options", async () => {
    const keys = newDpopKey();
    const signin = await signinServer(keys.privateKey, NOW);
    servers.push(signin);
    home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      [CACHE_PATH]: JSON.stringify(cacheDocument(keys.pem, new Date(NOW - 1000).toISOString())),
    });
    const creds = await defaultChain({
      profile: "dev",
      env: {},
      homedir: home.dir,
      now,
      login: { endpoint: signin.url },
    })();
    expect(creds.accessKeyId).toBe(NEW.accessKeyId);
    expect(signin.tokenRequests[0]?.proofProblems).toEqual([]);
  });

  it("moves on when the selected profile has no login_session", async () => {
    home = await tempHome({
      ".aws/credentials": "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n",
    });
    const creds = await defaultChain({ env: {}, homedir: home.dir, now })();
    expect(creds.accessKeyId).toBe("AKIDFILE");
  });
});

describe("console login through fromIni", () => {
  it("resolves a login_session profile", async () => {
    const { pem } = newDpopKey();
    home = await tempHome({
      ".aws/config": `[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      [CACHE_PATH]: JSON.stringify(cacheDocument(pem, LATER)),
    });
    expect((await fromIni({ profile: "dev", env: {}, homedir: home.dir, now })()).accessKeyId).toBe(
      OLD.accessKeyId,
    );
  });

  it("uses a login profile as a role profile's source_profile", async () => {
    const { pem } = newDpopKey();
    home = await tempHome({
      ".aws/config": `[profile admin]\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = dev\n[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
      [CACHE_PATH]: JSON.stringify(cacheDocument(pem, LATER)),
    });
    const sources: string[] = [];
    const creds = await fromIni({
      profile: "admin",
      env: {},
      homedir: home.dir,
      now,
      assumeRole: async (source) => {
        sources.push(source.accessKeyId);
        return createCredentials({ accessKeyId: "ASIAROLE", secretAccessKey: "r" });
      },
    })();
    expect(creds.accessKeyId).toBe("ASIAROLE");
    expect(sources).toEqual([OLD.accessKeyId]);
  });

  it("fails a login source profile with no cache, naming that profile", async () => {
    home = await tempHome({
      ".aws/config": `[profile admin]\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = dev\n[profile dev]\nlogin_session = ${LOGIN_SESSION}\n`,
    });
    const assumeRole = async () => createCredentials({ accessKeyId: "X", secretAccessKey: "x" });
    const error = (await fromIni({ profile: "admin", env: {}, homedir: home.dir, now, assumeRole })().catch(
      (e: unknown) => e,
    )) as CredentialsError;
    expect(error.code).toBe("login-required");
    expect(error.tryNext).toBe(false);
    expect(error.message).toContain("`aws login --profile dev`");
  });
});
