// `lanyard credential-process`, run as the AWS CLI, Terraform or an SDK would run it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { BIN, runProgram } from "./support/cli.js";
import { SECRETS } from "./support/profiles.js";
import { useCliWorld } from "./support/world.js";

let cacheDir: string;

const world = useCliWorld();
const { sts } = world;
beforeEach(() => {
  world.home.env.AWS_ENDPOINT_URL_STS = sts.url;
  cacheDir = join(world.home.dir, ".aws", "lanyard", "cache");
});

const credentialProcess = (...args: string[]) => world.home.run(["credential-process", ...args]);

async function cacheFiles(): Promise<string[]> {
  return (await readdir(cacheDir)).map((name) => join(cacheDir, name));
}

describe("lanyard credential-process", () => {
  it("prints the role profile's credentials as Version 1 JSON", async () => {
    const result = await credentialProcess("--profile", "role");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const output = JSON.parse(result.stdout);
    expect(output).toEqual({
      Version: 1,
      AccessKeyId: expect.stringMatching(/^ASIAROLE/),
      SecretAccessKey: expect.stringMatching(/^roleSecret\//),
      SessionToken: expect.stringMatching(/^roleSessionToken/),
      Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
    });
    expect(sts.calls("AssumeRole")).toHaveLength(1);
  });

  it("serves the second run from the cache, without asking STS", async () => {
    const first = await credentialProcess("--profile", "role");
    const second = await credentialProcess("--profile", "role");
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(sts.requests).toHaveLength(1);
  });

  it("keeps the cache in a 0700 directory, one 0600 file per profile setup", async () => {
    await credentialProcess("--profile", "role");
    await credentialProcess("--profile", "regional");
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
    const files = await cacheFiles();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/[0-9a-f]{64}\.json$/);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
  });

  it("asks STS again when the cached credentials expire within 15 minutes, and replaces them", async () => {
    await credentialProcess("--profile", "role");
    const [file] = await cacheFiles();
    const cached = JSON.parse(await readFile(file!, "utf8"));
    cached.Expiration = new Date(Date.now() + 10 * 60_000).toISOString();
    await writeFile(file!, JSON.stringify(cached));
    const result = await credentialProcess("--profile", "role");
    expect(sts.calls("AssumeRole")).toHaveLength(2);
    const fresh = JSON.parse(await readFile(file!, "utf8"));
    expect(fresh.AccessKeyId).toBe(JSON.parse(result.stdout).AccessKeyId);
    expect(fresh.AccessKeyId).not.toBe(cached.AccessKeyId);
  });

  it("replaces a corrupt cache file", async () => {
    await credentialProcess("--profile", "role");
    const [file] = await cacheFiles();
    await writeFile(file!, '{"Version":1,"AccessKeyId":');
    const result = await credentialProcess("--profile", "role");
    expect(result.code).toBe(0);
    expect(sts.calls("AssumeRole")).toHaveLength(2);
    expect(JSON.parse(await readFile(file!, "utf8")).AccessKeyId).toBe(JSON.parse(result.stdout).AccessKeyId);
  });

  it("neither reads nor writes the cache with --no-cache", async () => {
    await credentialProcess("--profile", "role", "--no-cache");
    await credentialProcess("--profile", "role", "--no-cache");
    expect(sts.calls("AssumeRole")).toHaveLength(2);
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/);
  });

  it("never writes long-term keys to disk", async () => {
    const result = await credentialProcess("--profile", "base");
    expect(JSON.parse(result.stdout)).toEqual({
      Version: 1,
      AccessKeyId: "AKIDEXAMPLE",
      SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    });
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/);
  });

  it("uses a new cache entry once the config file changes", async () => {
    await credentialProcess("--profile", "role");
    await appendFile(world.home.config, "\n[profile other]\nregion = eu-north-1\n");
    await credentialProcess("--profile", "role");
    expect(sts.calls("AssumeRole")).toHaveLength(2);
  });

  it("keeps its cache in LANYARD_CACHE_DIR when set", async () => {
    const elsewhere = join(world.home.dir, "cache-here");
    const result = await world.home.run(["credential-process", "--profile", "role"], {
      env: { LANYARD_CACHE_DIR: elsewhere },
    });
    expect(result.code).toBe(0);
    expect(await readdir(elsewhere)).toHaveLength(1);
    expect((await stat(elsewhere)).mode & 0o777).toBe(0o700);
  });

  it("requires --profile", async () => {
    const result = await credentialProcess();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lanyard: --profile is required/);
  });
});

describe("credential-process loops", () => {
  it("refuses a profile whose credential_process runs lanyard credential-process for itself", async () => {
    await appendFile(
      world.home.config,
      `\n[profile self]\ncredential_process = node ${BIN} credential-process --profile self\n`,
    );
    const result = await credentialProcess("--profile", "self");
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^lanyard: credential_process loop: self -> self\nhint: /);
    expect(sts.requests).toEqual([]);
  });

  it("stops a loop hidden behind a wrapper script at the first repeat", async () => {
    const wrapper = join(world.home.dir, "wrapper.sh");
    await writeFile(wrapper, `exec "${process.execPath}" "${BIN}" credential-process --profile hidden\n`);
    await appendFile(world.home.config, `\n[profile hidden]\ncredential_process = sh ${wrapper}\n`);
    const result = await credentialProcess("--profile", "hidden", "--no-cache");
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^lanyard: credential_process "sh" of profile "hidden" exited with code 3\n/,
    );
    expect(sts.requests).toEqual([]);
  });
});

describe("credential-process as another tool's credential_process", () => {
  beforeEach(async () => {
    await appendFile(
      world.home.config,
      `\n[profile tool]\ncredential_process = "${process.execPath}" "${BIN}" credential-process --profile role\n`,
    );
  });

  it("gives lanyard itself the role's credentials through a credential_process profile", async () => {
    const result = await world.home.run(["whoami", "--profile", "tool"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Arn).toMatch(/assumed-role/);
    expect(sts.requests.map((request) => request.form.Action)).toEqual(["AssumeRole", "GetCallerIdentity"]);
    for (const secret of SECRETS) expect(result.stderr).not.toContain(secret);
  });

  // Debian's awscli (apps/bench/scripts/install-aws-cli.sh) when installed, else any on the PATH.
  const awsFile = existsSync("/usr/bin/aws") ? "/usr/bin/aws" : "aws";
  const aws = spawnSync(awsFile, ["--version"], { encoding: "utf8" });
  it.skipIf(aws.status !== 0)(
    "gives the AWS CLI the role's credentials, twice with one AssumeRole",
    async () => {
      for (let i = 0; i < 2; i++) {
        // Not spawnSync: the STS stand-in answers from this process's event loop.
        const args = [
          "sts",
          "get-caller-identity",
          "--profile",
          "tool",
          "--endpoint-url",
          sts.url,
          "--region",
          "us-east-1",
        ];
        const result = await runProgram(awsFile, args, { ...process.env, ...world.home.env, AWS_PAGER: "" });
        expect(result.stderr).toBe("");
        expect(JSON.parse(result.stdout).Arn).toMatch(/assumed-role/);
      }
      expect(sts.calls("AssumeRole")).toHaveLength(1);
      expect(
        sts.calls("GetCallerIdentity").every((request) => request.auth?.accessKeyId.startsWith("ASIAROLE")),
      ).toBe(true);
    },
  );
});
