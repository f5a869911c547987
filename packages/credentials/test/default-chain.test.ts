import { afterEach, describe, expect, it } from "vitest";
import { createCredentials, NoCredentialsError } from "../src/index.js";
import { defaultChain } from "../src/node/index.js";
import {
  AKID,
  FUTURE,
  imdsHandler,
  json,
  type Loopback,
  loopback,
  SECRET,
  type TempHome,
  tempHome,
} from "./helpers.js";

let home: TempHome;
let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await home?.remove();
});

const OFF = { AWS_EC2_METADATA_DISABLED: "true" };
const ENV_KEYS = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };
const FILE = `[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n`;

describe("defaultChain", () => {
  it("takes the environment first", async () => {
    home = await tempHome({ ".aws/credentials": FILE });
    const creds = await defaultChain({ env: { ...OFF, ...ENV_KEYS }, homedir: home.dir })();
    expect(creds.accessKeyId).toBe("AKIDENV");
  });

  it("skips the environment when a profile is selected, as the JavaScript SDK does", async () => {
    home = await tempHome({ ".aws/credentials": FILE });
    const env = { ...OFF, ...ENV_KEYS, AWS_PROFILE: "other" };
    expect((await defaultChain({ env, homedir: home.dir })()).accessKeyId).toBe("AKIDOTHER");
  });

  it("falls through to the shared files", async () => {
    home = await tempHome({ ".aws/credentials": FILE });
    expect((await defaultChain({ env: OFF, homedir: home.dir })()).accessKeyId).toBe("AKIDFILE");
  });

  it("uses the web identity token file from the env through the hook", async () => {
    home = await tempHome();
    const tokenFile = await home.write("token", "jwt");
    const env = { ...OFF, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: "arn:aws:iam::1:role/Pod" };
    const creds = await defaultChain({
      env,
      homedir: home.dir,
      assumeRoleWithWebIdentity: async (p) =>
        createCredentials({
          accessKeyId: `ASIA-${p.webIdentityToken}`,
          secretAccessKey: "s",
          expiration: new Date(FUTURE),
        }),
    })();
    expect(creds.accessKeyId).toBe("ASIA-jwt");
  });

  it("uses the container endpoint when its variable is set", async () => {
    home = await tempHome();
    server = await loopback((_req, res) => json(res, 200, { AccessKeyId: AKID, SecretAccessKey: SECRET }));
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url };
    expect((await defaultChain({ env, homedir: home.dir })()).accessKeyId).toBe(AKID);
  });

  it("ends with instance metadata", async () => {
    home = await tempHome();
    server = await loopback(imdsHandler("AKIDEC2"));
    const env = { AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url };
    expect((await defaultChain({ env, homedir: home.dir })()).accessKeyId).toBe("AKIDEC2");
  });

  it("caches: a second call does not read the sources again", async () => {
    home = await tempHome();
    let fetches = 0;
    server = await loopback((_req, res) => {
      fetches++;
      json(res, 200, { AccessKeyId: AKID, SecretAccessKey: SECRET, Expiration: FUTURE });
    });
    const get = defaultChain({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url }, homedir: home.dir });
    await Promise.all([get(), get(), get()]);
    await get();
    expect(fetches).toBe(1);
  });

  it("lists every provider's reason when none yields credentials", async () => {
    home = await tempHome();
    const error = await defaultChain({ env: OFF, homedir: home.dir })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCredentialsError);
    const message = (error as Error).message;
    for (const step of ["fromEnv", "fromIni", "fromProcess", "fromTokenFile", "fromInstanceMetadata"]) {
      expect(message).toContain(step);
    }
    expect(message.indexOf("fromEnv")).toBeLessThan(message.indexOf("fromIni"));
    expect(message.indexOf("fromTokenFile")).toBeLessThan(message.indexOf("fromInstanceMetadata"));
  });

  it("still lists every reason when something answers the metadata address with an HTTP error", async () => {
    home = await tempHome();
    server = await loopback((_req, res) => json(res, 403, "Forbidden by proxy"));
    const env = { AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url };
    const error = await defaultChain({ env, homedir: home.dir })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCredentialsError);
    expect((error as Error).message).toMatch(/fromEnv[\s\S]*fromIni[\s\S]*fromInstanceMetadata: .*HTTP 403/);
  });

  it("stops at a role profile whose credential_source is empty, never using the instance's role", async () => {
    home = await tempHome({
      ".aws/config": "[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Environment\n",
    });
    server = await loopback((_req, res) => json(res, 200, "would be the instance's role"));
    const env = { AWS_PROFILE: "r", AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url };
    const assumeRole = async () => createCredentials({ accessKeyId: "ASIAROLE", secretAccessKey: SECRET });
    const error = await defaultChain({ env, homedir: home.dir, assumeRole })().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "not-configured", tryNext: false });
    expect((error as Error).message).toMatch(/profile "r": credential_source failed: fromEnv/);
    expect(server.requests).toHaveLength(0);
  });

  it("stops at a role profile without a hook instead of falling through", async () => {
    home = await tempHome({
      ".aws/credentials": FILE,
      ".aws/config": "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n",
    });
    const error = await defaultChain({ profile: "r", env: OFF, homedir: home.dir })().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "role-assumer-missing" });
  });
});
