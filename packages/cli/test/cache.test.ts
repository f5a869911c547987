import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSharedConfig, type SharedConfig } from "@lanyard/credentials/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheDirectory } from "../src/cache/directory.js";
import { cacheKey } from "../src/cache/key.js";
import { CACHE_MARGIN_MS, readCache, writeCache } from "../src/cache/store.js";

const NOW = Date.parse("2030-01-01T00:00:00Z");
const entry = (expiresInMs: number) => ({
  AccessKeyId: "ASIAEXAMPLE",
  SecretAccessKey: "secret/value",
  SessionToken: "token",
  Expiration: new Date(NOW + expiresInMs),
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "lanyard-cache-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the credential cache files", () => {
  it("are written 0600 in a 0700 directory, and read back", async () => {
    const cache = join(dir, "a", "b");
    const file = join(cache, "key.json");
    await writeCache(file, entry(3_600_000));
    expect((await stat(cache)).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readCache(file, NOW)).toEqual(entry(3_600_000));
    expect(await readdir(cache)).toEqual(["key.json"]); // no temporary file left behind
  });

  it("narrow an existing directory of ours to 0700", async () => {
    const cache = join(dir, "open");
    await mkdir(cache, { mode: 0o755 });
    await writeCache(join(cache, "key.json"), entry(3_600_000));
    expect((await stat(cache)).mode & 0o777).toBe(0o700);
  });

  it("are not served within the 15-minute margin of their expiration", async () => {
    const file = join(dir, "key.json");
    await writeCache(file, entry(CACHE_MARGIN_MS + 1000));
    expect(await readCache(file, NOW)).toBeDefined();
    await writeCache(file, entry(CACHE_MARGIN_MS - 1000));
    expect(await readCache(file, NOW)).toBeUndefined();
  });

  it.each([
    ["not JSON", "{"],
    ["JSON null", "null"],
    ["another version", JSON.stringify({ ...entry(3_600_000), Version: 2 })],
    ["no secret", JSON.stringify({ Version: 1, AccessKeyId: "A", Expiration: "2031-01-01T00:00:00Z" })],
    ["no expiration", JSON.stringify({ Version: 1, AccessKeyId: "A", SecretAccessKey: "S" })],
    [
      "a bad date",
      JSON.stringify({ Version: 1, AccessKeyId: "A", SecretAccessKey: "S", Expiration: "soon" }),
    ],
  ])("read as a miss when %s", async (_, text) => {
    const file = join(dir, "key.json");
    await writeFile(file, text);
    expect(await readCache(file, NOW)).toBeUndefined();
  });

  it("read as a miss when missing or not a regular file", async () => {
    expect(await readCache(join(dir, "absent.json"), NOW)).toBeUndefined();
    await mkdir(join(dir, "dir.json"));
    expect(await readCache(join(dir, "dir.json"), NOW)).toBeUndefined();
  });

  it("replace a corrupt file whole", async () => {
    const file = join(dir, "key.json");
    await writeFile(file, "garbage", { mode: 0o644 });
    await writeCache(file, entry(3_600_000));
    expect(JSON.parse(await readFile(file, "utf8")).AccessKeyId).toBe("ASIAEXAMPLE");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe("cacheKey", () => {
  /** The shared files as a run reads them: `config` and `credentials` in the test's directory. */
  async function filesSaying(config: string, credentials = ""): Promise<SharedConfig> {
    await writeFile(join(dir, "config"), config);
    await writeFile(join(dir, "credentials"), credentials);
    const env = {
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    };
    return loadSharedConfig({ env });
  }

  const inputs = (config: SharedConfig, extra: Partial<Parameters<typeof cacheKey>[0]> = {}) => ({
    profile: "dev",
    region: "us-east-1",
    endpoint: undefined,
    config,
    env: { AWS_ROLE_ARN: undefined },
    ...extra,
  });

  it("changes with what the shared files say, the profile, region, endpoint and variables", async () => {
    const config = await filesSaying("[profile dev]\nrole_arn = arn:aws:iam::1:role/a\n");
    const base = cacheKey(inputs(config));
    expect(cacheKey(inputs(config))).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [
      { profile: "prod" },
      { region: "eu-west-1" },
      { endpoint: "http://127.0.0.1:1" },
      { env: { AWS_ROLE_ARN: "arn:aws:iam::1:role/b" } },
    ]) {
      expect(cacheKey(inputs(config, change))).not.toBe(base);
    }
    const edits = [
      ["[profile dev]\nrole_arn = arn:aws:iam::1:role/b\n", ""],
      ["[profile dev]\nrole_arn = arn:aws:iam::1:role/a\n", "[dev]\naws_access_key_id = AKIDEXAMPLE\n"],
      [
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/a\n[services s]\nsts =\n  endpoint_url = http://x\n",
        "",
      ],
    ];
    for (const [configText, credentialsText] of edits) {
      expect(cacheKey(inputs(await filesSaying(configText!, credentialsText)))).not.toBe(base);
    }
  });

  it("stays the same when only comments and spacing change", async () => {
    const base = cacheKey(inputs(await filesSaying("[profile dev]\nrole_arn = arn:aws:iam::1:role/a\n")));
    const commented = await filesSaying("# deploy role\n\n[profile dev]\nrole_arn=arn:aws:iam::1:role/a\n");
    expect(cacheKey(inputs(commented))).toBe(base);
  });
});

describe("cacheDirectory", () => {
  it("is LANYARD_CACHE_DIR, else ~/.aws/lanyard/cache", () => {
    expect(cacheDirectory({ LANYARD_CACHE_DIR: "/var/cache/me", HOME: "/home/a" })).toBe("/var/cache/me");
    expect(cacheDirectory({ HOME: "/home/a" })).toBe("/home/a/.aws/lanyard/cache");
    expect(() => cacheDirectory({ LANYARD_CACHE_DIR: "relative/dir" })).toThrow(/must be an absolute path/);
  });
});
