// A CLI is judged by its start-up: `--help` and usage errors must not load the STS client, and
// a command loads the client but not the HTTP stack it does not use. `pnpm bench` (cold-start
// suite) reports the time; this counts what loads.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BASE_KEY, BASE_SECRET, BIN, makeHome, runProgram } from "./support/cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE } from "./support/profiles.js";
import { StsStandIn } from "./support/sts-server.js";

const recorder = fileURLToPath(new URL("./support/record-loads.mjs", import.meta.url));

async function loadedModules(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const { stderr } = await runProgram(process.execPath, ["--import", recorder, BIN, ...args], {
    PATH: process.env.PATH,
    AWS_EC2_METADATA_DISABLED: "true",
    ...env,
  });
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("load "))
    .map((line) => line.slice("load ".length));
}

const heavy = (urls: string[]) =>
  urls.filter((url) => /\/(sts-client|credentials|transport-undici)\/|\/undici\//.test(url));

describe("modules loaded by the lanyard binary", () => {
  it.each([
    ["--help"],
    ["--version"],
    ["whoami", "--help"],
    ["eks-token", "--bogus"],
    ["assume-role", "--role-arn", "x"],
  ])("`lanyard $0 $1` loads none of the STS client, the credential providers or undici", async (...args) => {
    const loaded = await loadedModules(args);
    expect(loaded.some((url) => url.endsWith("/cli/dist/bin.js"))).toBe(true);
    expect(heavy(loaded)).toEqual([]);
  });

  it("`lanyard eks-token` loads the client and the providers, but no HTTP stack: it presigns offline", async () => {
    const loaded = await loadedModules(["eks-token", "--cluster", "prod"], {
      AWS_ACCESS_KEY_ID: BASE_KEY,
      AWS_SECRET_ACCESS_KEY: BASE_SECRET,
      AWS_REGION: "us-east-1",
    });
    expect(loaded.some((url) => url.includes("/sts-client/dist/"))).toBe(true);
    expect(loaded.filter((url) => /undici/.test(url))).toEqual([]);
  });

  it("`lanyard credential-process` served from its cache loads no credential providers", async () => {
    const sts = new StsStandIn();
    await sts.start();
    const home = await makeHome({ config: CONFIG_FILE, credentials: CREDENTIALS_FILE });
    try {
      const env = { ...home.env, AWS_ENDPOINT_URL_STS: sts.url };
      expect((await home.run(["credential-process", "--profile", "role"], { env })).code).toBe(0);
      const loaded = await loadedModules(["credential-process", "--profile", "role"], env);
      expect(sts.requests).toHaveLength(1);
      expect(loaded.filter((url) => url.includes("/credentials/dist/node/index.js"))).toEqual([]);
    } finally {
      await home.remove();
      await sts.close();
    }
  });
});
