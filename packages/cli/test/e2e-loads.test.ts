// A CLI is judged by its start-up: `--help` and usage errors must not load the STS client, and
// a command loads the client but not the HTTP stack it does not use. `pnpm bench` (cold-start
// suite) reports the time; this counts what loads.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BASE_KEY, BASE_SECRET, BIN, runProgram } from "./support/cli.js";

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
});
