import { truncate } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { defaultChain, fromIni, loadSharedConfig, MAX_SHARED_FILE_BYTES } from "../src/node/index.js";
import { failure, json, loopback, tempHome, useScratch } from "./helpers.js";

const scratch = useScratch();

const keys = (id: string) => `aws_access_key_id = ${id}\naws_secret_access_key = s\n`;

describe("loadSharedConfig", () => {
  it("sorts the config file into profiles, sso-sessions and services sections", async () => {
    scratch.home = await tempHome({
      ".aws/config": [
        "[default]\nregion = us-east-1",
        "[profile dev]\nregion = eu-west-1",
        "[profile 'my prof']\nregion = eu-west-2",
        '[profile "qa"]\nregion = eu-west-3',
        "[sso-session corp]\nsso_region = us-east-1",
        "[services local]\nsts =\n  endpoint_url = http://localhost:4566",
        "[plugins]\nx = y",
        "[profile  two-spaces]\nregion = x",
      ].join("\n"),
    });
    const config = await loadSharedConfig({ env: {}, homedir: scratch.home.dir });
    expect(Object.keys(config.profiles).sort()).toEqual(["default", "dev", "my prof", "qa"]);
    expect({ ...config.ssoSessions.corp }).toEqual({ sso_region: "us-east-1" });
    expect({ ...config.services.local }).toEqual({ "sts.endpoint_url": "http://localhost:4566" });
    expect(config.files.config).toBe(`${scratch.home.dir}/.aws/config`);
  });

  it("lets [profile default] replace [default] wherever it stands, as the JS SDK", async () => {
    for (const text of [
      "[default]\nregion = us-west-1\n[profile default]\nregion = us-west-2\n",
      "[profile default]\nregion = us-west-2\n[default]\nregion = us-west-1\n",
    ]) {
      scratch.home = await tempHome({ ".aws/config": text });
      expect((await loadSharedConfig({ env: {}, homedir: scratch.home.dir })).profiles.default?.region).toBe(
        "us-west-2",
      );
      await scratch.home.remove();
    }
  });

  it("reads credentials saved with CR-only line endings", async () => {
    scratch.home = await tempHome({
      ".aws/credentials": `[default]\r${keys("AKIDCR").replace(/\n/g, "\r")}`,
    });
    expect((await fromIni({ env: {}, homedir: scratch.home.dir })()).accessKeyId).toBe("AKIDCR");
  });

  it(`refuses a shared file over ${MAX_SHARED_FILE_BYTES} bytes before reading it, naming the file`, async () => {
    scratch.home = await tempHome({ ".aws/credentials": `[default]\n${keys("AKIDBIG")}` });
    const path = `${scratch.home.dir}/.aws/credentials`;
    await truncate(path, MAX_SHARED_FILE_BYTES + 1); // sparse: nothing is written
    const error = await failure(fromIni({ env: {}, homedir: scratch.home.dir })());
    expect(error).toMatchObject({ code: "file-too-large", tryNext: false });
    expect(error?.message).toContain(path);
    expect(error?.message).not.toContain("AKIDBIG");
  });

  it("reads a file just under the cap", async () => {
    scratch.home = await tempHome({ ".aws/credentials": `[default]\n${keys("AKIDEDGE")}` });
    await truncate(`${scratch.home.dir}/.aws/credentials`, MAX_SHARED_FILE_BYTES);
    expect((await fromIni({ env: {}, homedir: scratch.home.dir })()).accessKeyId).toBe("AKIDEDGE");
  });
});

describe("a selected profile that does not exist", () => {
  it("is an error for the option and for AWS_PROFILE, naming both files and the fix", async () => {
    scratch.home = await tempHome({ ".aws/credentials": `[default]\n${keys("AKIDDEFAULT")}` });
    for (const options of [{ profile: "ghost", env: {} }, { env: { AWS_PROFILE: "ghost" } }]) {
      const error = await failure(fromIni({ ...options, homedir: scratch.home.dir })());
      expect(error).toMatchObject({ code: "profile-not-found", tryNext: false });
      expect(error?.message).toMatch(
        /profile "ghost" is not defined in .*config or .*credentials.*aws configure --profile ghost/,
      );
    }
  });

  it("stops the default chain before instance metadata", async () => {
    scratch.server = await loopback((_req, res) => json(res, 200, "would be the instance's role"));
    scratch.home = await tempHome({ ".aws/credentials": `[default]\n${keys("AKIDDEFAULT")}` });
    const env = { AWS_PROFILE: "ghost", AWS_EC2_METADATA_SERVICE_ENDPOINT: scratch.server.url };
    const error = await failure(defaultChain({ env, homedir: scratch.home.dir })());
    expect(error).toMatchObject({ code: "profile-not-found" });
    expect(scratch.server.requests).toHaveLength(0);
  });

  it("is no error when nothing was selected: the default profile may simply be absent", async () => {
    scratch.home = await tempHome({});
    await expect(fromIni({ env: {}, homedir: scratch.home.dir })()).rejects.toMatchObject({ tryNext: true });
  });

  it("exists when its section has no keys (then the chain moves on)", async () => {
    scratch.home = await tempHome({ ".aws/config": "[profile empty]\n" });
    await expect(
      fromIni({ env: { AWS_PROFILE: "empty" }, homedir: scratch.home.dir })(),
    ).rejects.toMatchObject({
      code: "not-configured",
      tryNext: true,
    });
  });
});
