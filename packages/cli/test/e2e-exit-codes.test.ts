// Every exit status a script may test, --help on each command, and what may reach stderr.

import { chmod, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_SECRET, makeHome } from "./support/cli.js";
import { CONFIG_FILE, ROLE_ARN, SECRETS } from "./support/profiles.js";
import { useCliWorld } from "./support/world.js";

const world = useCliWorld();
const { sts } = world;

function expectNoSecrets(stderr: string): void {
  for (const secret of SECRETS) expect(stderr).not.toContain(secret);
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("--help and --version", () => {
  it.each(["whoami", "assume-role", "credential-process", "eks-token"])(
    "%s --help prints its usage on stdout, status 0",
    async (command) => {
      const result = await world.home.run([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^Usage: lanyard ${command} `));
      expect(result.stdout).toContain("Exit status:");
      expect((await world.home.run(["help", command])).stdout).toBe(result.stdout);
      expect((await world.home.run([command, "-h", "--role-arn"])).stdout).toBe(result.stdout); // help wins over a bad line
    },
  );

  it("lanyard --help lists every command; --version prints the version", async () => {
    const help = await world.home.run(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["whoami", "assume-role", "credential-process", "eks-token"])
      expect(help.stdout).toContain(command);
    const version = await world.home.run(["--version"]);
    expect(version).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^lanyard\/\d+\.\d+\.\d+ node\/\d+\.\d+\.\d+\n$/),
      stderr: "",
    });
  });

  it("bare lanyard prints the usage on stderr with status 2", async () => {
    const result = await world.home.run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Usage: lanyard <command>/);
  });
});

describe("status 2: usage errors", () => {
  it.each([
    [["frobnicate"], "lanyard: unknown command 'frobnicate'\nhint: run 'lanyard --help' for usage\n"],
    [
      ["whoami", "--bogus"],
      "lanyard: unknown option --bogus for 'lanyard whoami'\nhint: run 'lanyard whoami --help' for usage\n",
    ],
    [["assume-role"], "lanyard: --role-arn is required\nhint: run 'lanyard assume-role --help' for usage\n"],
    [
      ["eks-token", "--cluster"],
      "lanyard: --cluster needs a value (NAME)\nhint: run 'lanyard eks-token --help' for usage\n",
    ],
    [
      ["assume-role", "--role-arn", ROLE_ARN, "--duration", "10"],
      "lanyard: --duration must be 900 to 43200 seconds, as seconds or with a unit (900, 15m, 1h), got '10'\nhint: run 'lanyard assume-role --help' for usage\n",
    ],
    [
      ["whoami", "--output", "yaml"],
      "lanyard: --output must be one of json, text (got 'yaml')\nhint: run 'lanyard whoami --help' for usage\n",
    ],
  ])("%j", async (args, stderr) => {
    expect(await world.home.run(args)).toEqual({ code: 2, stdout: "", stderr });
  });
});

describe("status 1: AWS refused, or the network failed", () => {
  it("names the STS error code, message and request id", async () => {
    sts.errors.AssumeRole = {
      status: 403,
      code: "AccessDenied",
      message: "User is not authorized to perform: sts:AssumeRole",
    };
    const result = await world.home.run([
      "assume-role",
      "--profile",
      "base",
      "--role-arn",
      ROLE_ARN,
      "--endpoint-url",
      sts.url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "lanyard: STS refused the call: AccessDenied: User is not authorized to perform: sts:AssumeRole (request id req-1)\n" +
        "hint: the caller may not do this: check the role's trust policy and the caller's permissions\n",
    );
  });

  it("reports a refused connection as a network error", async () => {
    const port = await closedPort();
    const result = await world.home.run(
      ["whoami", "--profile", "base", "--endpoint-url", `http://127.0.0.1:${port}`],
      {
        env: { AWS_MAX_ATTEMPTS: "1" },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lanyard: network error: .+\n$/);
  });
});

describe("status 3: credentials and configuration", () => {
  it("no credentials anywhere: each source's reason and a hint", async () => {
    const empty = await makeHome();
    try {
      const result = await empty.run(["whoami", "--endpoint-url", sts.url]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^lanyard: no AWS credentials found:\n {2}- fromEnv: /);
      expect(result.stderr).toMatch(
        /\nhint: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile/,
      );
    } finally {
      await empty.remove();
    }
  });

  it("a profile that does not exist", async () => {
    const result = await world.home.run(["whoami", "--profile", "nope", "--endpoint-url", sts.url]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `lanyard: profile "nope" is not in ${world.home.config} or ${world.home.credentials}\nhint: check --profile\n`,
    );
    expect(sts.requests).toEqual([]);
  });

  it("a Region in the config file that is not one", async () => {
    await writeFile(
      world.home.config,
      `${CONFIG_FILE}\n[profile odd]\nregion = evil.example#\nsource_profile = base\nrole_arn = ${ROLE_ARN}\n`,
    );
    const result = await world.home.run(["whoami", "--profile", "odd"]);
    expect(result.code).toBe(3);
    expect(sts.requests).toEqual([]);
  });
});

describe("what reaches stderr", () => {
  async function leakyHelper(): Promise<string> {
    const helper = join(world.home.dir, "leaky-helper.sh");
    await writeFile(
      helper,
      `#!/bin/sh\necho "debug: using secret ${BASE_SECRET} and roleSessionToken42" >&2\nexit 1\n`,
    );
    await chmod(helper, 0o755);
    await writeFile(world.home.config, `${CONFIG_FILE}\n[profile leaky]\ncredential_process = ${helper}\n`);
    return helper;
  }

  it("never a secret a failing credential_process printed on its stderr", async () => {
    const helper = await leakyHelper();
    for (const args of [["whoami"], ["eks-token", "--cluster", "prod"], ["credential-process"]]) {
      const result = await world.home.run([...args, "--profile", "leaky", "--endpoint-url", sts.url]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        new RegExp(
          `^lanyard: credential_process "${basename(helper)}" of profile "leaky" exited with code 1\\nhint: run the credential_process`,
        ),
      );
      expectNoSecrets(result.stderr);
    }
  });

  it("never a secret under --debug, which adds where the error was raised", async () => {
    await leakyHelper();
    const result = await world.home.run(["whoami", "--profile", "leaky", "--debug"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/\n {4}at /);
    expectNoSecrets(result.stderr);
  });

  it("no stack trace without --debug", async () => {
    sts.errors.GetCallerIdentity = {
      status: 403,
      code: "InvalidClientTokenId",
      message: "The security token included in the request is invalid.",
    };
    const result = await world.home.run(["whoami", "--profile", "role", "--endpoint-url", sts.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/ {4}at /);
    expect(result.stderr.trim().split("\n")).toHaveLength(2);
    expectNoSecrets(result.stderr);
  });
});
