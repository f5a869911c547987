// A run reads ~/.aws/config and ~/.aws/credentials once for itself: the profile check, the
// Region, the loop check and the credential cache key all use that one reading.
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { BIN, runProgram } from "./support/cli.js";
import { useCliWorld } from "./support/world.js";

const recorder = fileURLToPath(new URL("./support/record-opens.mjs", import.meta.url));

const world = useCliWorld();
const { sts } = world;
beforeEach(() => {
  world.home.env.AWS_ENDPOINT_URL_STS = sts.url;
});

/** How many times the run opened each shared file. */
async function sharedFileReads(args: string[]): Promise<{ config: number; credentials: number }> {
  const { code, stderr } = await runProgram(
    process.execPath,
    ["--import", recorder, BIN, ...args],
    world.home.env,
  );
  expect(code).toBe(0);
  const opened = stderr.split("\n").filter((line) => line.startsWith("open "));
  const count = (path: string) => opened.filter((line) => line === `open ${path}`).length;
  return { config: count(world.home.config), credentials: count(world.home.credentials) };
}

describe("shared file reads", () => {
  it("are one per file for a credential-process run served from the cache", async () => {
    expect((await world.home.run(["credential-process", "--profile", "role"])).code).toBe(0);
    expect(await sharedFileReads(["credential-process", "--profile", "role"])).toEqual({
      config: 1,
      credentials: 1,
    });
    expect(sts.requests).toHaveLength(1);
  });

  // Beyond the command's own reading, the STS client reads its profile's settings, the
  // credential chain the profile, and a role profile's STS client its settings again: the bound
  // is those and one, so a second reading by the command fails the test.
  it.each([
    "credential-process --profile role",
    "credential-process --profile role --no-cache",
    "whoami --profile regional",
    "assume-role --profile base --role-arn arn:aws:iam::123456789012:role/demo",
    "eks-token --profile base --cluster prod",
  ])("are the command's one and the client's own for `lanyard %s`", async (line) => {
    const args = line.split(" ");
    const profile = args[args.indexOf("--profile") + 1];
    const bound = 1 + (profile === "base" ? 2 : 3);
    const reads = await sharedFileReads(args);
    expect(reads.config).toBeLessThanOrEqual(bound);
    expect(reads.credentials).toBeLessThanOrEqual(bound);
  });
});
