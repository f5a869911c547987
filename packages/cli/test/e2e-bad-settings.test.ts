// A bad endpoint or Region is named by where the user set it, with the status of that kind of mistake.

import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CONFIG_FILE, ROLE_ARN } from "./support/profiles.js";
import { useCliWorld } from "./support/world.js";

const world = useCliWorld();
const { sts } = world;

describe("--endpoint-url that is not a usable URL: status 2, naming the option", () => {
  it.each([
    ["http://127.0.0.1:99999", "--endpoint-url must be an http:// or https:// URL"],
    ["http://[::1", "--endpoint-url must be an http:// or https:// URL"],
    ["https://sts.example.com/?Action=x", "--endpoint-url must not contain a query or fragment"],
    ["https://sts.example.com/#x", "--endpoint-url must not contain a query or fragment"],
    ["https://user:hunter22@sts.example.com", "--endpoint-url must not contain a user name or password"],
  ])("%s", async (url, message) => {
    const result = await world.home.run(["whoami", "--profile", "base", "--endpoint-url", url]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `lanyard: ${message}\nhint: run 'lanyard whoami --help' for usage\n`,
    });
    expect(result.stderr).not.toContain("hunter22");
  });
});

describe("a Region that is not one: status 3, naming where it was set", () => {
  it.each([
    [{ AWS_REGION: "bad region" }, "environment variable AWS_REGION"],
    [{ AWS_DEFAULT_REGION: "evil.example#" }, "environment variable AWS_DEFAULT_REGION"],
  ])("%j", async (env, source) => {
    const result = await world.home.run(["whoami", "--profile", "base", "--endpoint-url", sts.url], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`^lanyard: an invalid AWS Region from ${source}: `));
    expect(sts.requests).toEqual([]);
  });

  it("the profile's region", async () => {
    await writeFile(
      world.home.config,
      `${CONFIG_FILE}\n[profile odd]\nregion = evil.example#\nsource_profile = base\nrole_arn = ${ROLE_ARN}\n`,
    );
    for (const args of [["whoami"], ["eks-token", "--cluster", "prod"]]) {
      const result = await world.home.run([...args, "--profile", "odd", "--endpoint-url", sts.url]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /^lanyard: an invalid AWS Region from profile "odd" in ~\/\.aws\/config: /,
      );
    }
    expect(sts.requests).toEqual([]);
  });
});
