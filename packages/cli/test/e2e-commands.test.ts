// whoami and assume-role, spawned as a user would run them, against the STS stand-in.
import { execFileSync, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_KEY } from "./support/cli.js";
import { ROLE_ARN } from "./support/profiles.js";
import { ACCOUNT } from "./support/sts-server.js";
import { useCliWorld } from "./support/world.js";

// util-linux `script` gives the binary a pseudo-terminal to ask on.
const hasScript = spawnSync("script", ["--version"]).status === 0;
let endpoint: string[];

const world = useCliWorld();
const { sts } = world;
beforeAll(() => {
  endpoint = ["--endpoint-url", sts.url];
});

describe("lanyard whoami", () => {
  it("prints GetCallerIdentity as `aws sts get-caller-identity` does, signed with the profile's keys", async () => {
    const result = await world.home.run(["whoami", "--profile", "base", ...endpoint]);
    expect(result).toEqual({
      code: 0,
      stdout: `{\n    "UserId": "AIDAEXAMPLEUSERID",\n    "Account": "${ACCOUNT}",\n    "Arn": "arn:aws:iam::${ACCOUNT}:user/alice"\n}\n`,
      stderr: "",
    });
    const [call] = sts.requests;
    expect(sts.requests).toHaveLength(1);
    expect(call?.form).toEqual({ Action: "GetCallerIdentity", Version: "2011-06-15" });
    expect(call?.auth).toMatchObject({ accessKeyId: BASE_KEY, region: "us-east-1", service: "sts" });
    expect(call?.auth?.signedHeaders).toEqual(expect.arrayContaining(["host", "x-amz-date"]));
    expect(call?.headers["user-agent"]).toMatch(/app\/lanyard-cli/);
  });

  it("prints text with --output text", async () => {
    const result = await world.home.run(["whoami", "--output", "text", "--profile", "base", ...endpoint]);
    expect(result.stdout).toBe(`${ACCOUNT}\tarn:aws:iam::${ACCOUNT}:user/alice\tAIDAEXAMPLEUSERID\n`);
  });

  it("assumes a role profile's role first and asks STS as the role", async () => {
    const result = await world.home.run(["whoami", "--profile", "role", ...endpoint]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/demo/session`);
    expect(
      sts.requests.map((request) => [request.form.Action, request.auth?.accessKeyId.slice(0, 4)]),
    ).toEqual([
      ["AssumeRole", "AKID"],
      ["GetCallerIdentity", "ASIA"],
    ]);
  });

  it("reads AWS_ENDPOINT_URL_STS, AWS_PROFILE and AWS_DEFAULT_REGION like the AWS CLI", async () => {
    const env = { AWS_ENDPOINT_URL_STS: sts.url, AWS_PROFILE: "base", AWS_DEFAULT_REGION: "ap-south-1" };
    const result = await world.home.run(["whoami"], { env });
    expect(result.code).toBe(0);
    expect(sts.requests[0]?.auth).toMatchObject({ accessKeyId: BASE_KEY, region: "ap-south-1" });
  });

  it("takes the Region from --region, then AWS_REGION, then the profile", async () => {
    await world.home.run(["whoami", "--profile", "regional", ...endpoint]);
    await world.home.run(["whoami", "--profile", "regional", ...endpoint], {
      env: { AWS_REGION: "us-west-2" },
    });
    await world.home.run(["whoami", "--profile", "regional", "--region", "ca-central-1", ...endpoint], {
      env: { AWS_REGION: "us-west-2" },
    });
    const regions = sts.calls("GetCallerIdentity").map((request) => request.auth?.region);
    expect(regions).toEqual(["eu-west-1", "us-west-2", "ca-central-1"]);
    // The role profile's AssumeRole goes out with the same Region and endpoint as the command.
    expect(sts.calls("AssumeRole").map((request) => request.auth?.region)).toEqual(regions);
  });
});

describe("lanyard assume-role", () => {
  const assume = (...args: string[]) =>
    world.home.run(["assume-role", "--profile", "base", "--role-arn", ROLE_ARN, ...args, ...endpoint]);

  it("prints JSON as `aws sts assume-role` does", async () => {
    const result = await assume();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(["Credentials", "AssumedRoleUser", "PackedPolicySize"]);
    expect(Object.keys(output.Credentials)).toEqual([
      "AccessKeyId",
      "SecretAccessKey",
      "SessionToken",
      "Expiration",
    ]);
    expect(output.Credentials.AccessKeyId).toMatch(/^ASIAROLE/);
    expect(output.Credentials.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(output.AssumedRoleUser.Arn).toMatch(
      /^arn:aws:sts::123456789012:assumed-role\/demo\/lanyard-session-\d+$/,
    );
    expect(result.stdout).toMatch(/^\{\n {4}"Credentials": \{\n {8}"AccessKeyId"/);
    const [call] = sts.calls("AssumeRole");
    expect(call?.auth?.accessKeyId).toBe(BASE_KEY);
    expect(call?.form.RoleSessionName).toMatch(/^lanyard-session-\d+$/);
  });

  it("sends the session name, duration, external id and MFA device given", async () => {
    const result = await assume(
      "--role-session-name",
      "ci",
      "--duration",
      "15m",
      "--external-id",
      "ext-123",
      "--serial-number",
      "arn:aws:iam::123456789012:mfa/alice",
      "--token-code",
      "123456",
    );
    expect(result.code).toBe(0);
    expect(sts.calls("AssumeRole")[0]?.form).toEqual({
      Action: "AssumeRole",
      Version: "2011-06-15",
      RoleArn: ROLE_ARN,
      RoleSessionName: "ci",
      DurationSeconds: "900",
      ExternalId: "ext-123",
      SerialNumber: "arn:aws:iam::123456789012:mfa/alice",
      TokenCode: "123456",
    });
  });

  it("prints shell exports that set the role's credentials when evaluated", async () => {
    const result = await assume("--format", "env");
    expect(result.code).toBe(0);
    const shown = execFileSync(
      "sh",
      [
        "-c",
        `${result.stdout}\nprintf '%s|%s|%s' "$AWS_ACCESS_KEY_ID" "$AWS_SESSION_TOKEN" "$AWS_CREDENTIAL_EXPIRATION"`,
      ],
      { encoding: "utf8" },
    );
    expect(shown).toMatch(/^ASIAROLE\d+\|roleSessionToken\d+\S+\|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(
      result.stdout
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("=")[0]),
    ).toEqual([
      "export AWS_ACCESS_KEY_ID",
      "export AWS_SECRET_ACCESS_KEY",
      "export AWS_SESSION_TOKEN",
      "export AWS_CREDENTIAL_EXPIRATION",
    ]);
  });

  it("prints fish and PowerShell assignments with --shell", async () => {
    expect((await assume("--format", "env", "--shell", "fish")).stdout).toMatch(
      /^set -gx AWS_ACCESS_KEY_ID "ASIAROLE\d+"\n/,
    );
    expect((await assume("--format", "env", "--shell", "powershell")).stdout).toMatch(
      /^\$Env:AWS_ACCESS_KEY_ID="ASIAROLE\d+"\n/,
    );
  });

  it("prints credential_process Version 1 JSON", async () => {
    const result = await assume("--format", "credential-process");
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual([
      "Version",
      "AccessKeyId",
      "SecretAccessKey",
      "SessionToken",
      "Expiration",
    ]);
    expect(output.Version).toBe(1);
  });

  it("gives --token-code to a profile's mfa_serial when the command has no --serial-number", async () => {
    const result = await world.home.run([
      "assume-role",
      "--profile",
      "mfa",
      "--role-arn",
      ROLE_ARN,
      "--token-code",
      "654321",
      ...endpoint,
    ]);
    expect(result.code).toBe(0);
    const [profileCall, commandCall] = sts.calls("AssumeRole");
    expect(profileCall?.form).toMatchObject({
      SerialNumber: "arn:aws:iam::123456789012:mfa/alice",
      TokenCode: "654321",
    });
    expect(commandCall?.form.TokenCode).toBeUndefined();
    expect(commandCall?.auth?.accessKeyId).toMatch(/^ASIAROLE/);
  });

  it("fails with status 3 and a hint when a profile needs an MFA code and there is no terminal", async () => {
    const result = await world.home.run(["whoami", "--profile", "mfa", ...endpoint]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "lanyard: an MFA code is needed and there is no terminal to ask\nhint: pass it with --token-code\n",
    );
    expect(sts.requests).toEqual([]);
  });

  it.skipIf(!hasScript)("asks for a profile's MFA code on the terminal, on stderr", async () => {
    const result = await world.home.runInTerminal(
      ["assume-role", "--profile", "mfa", "--role-arn", ROLE_ARN, ...endpoint],
      "246810\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("MFA code for arn:aws:iam::123456789012:mfa/alice: ");
    expect(sts.calls("AssumeRole")[0]?.form).toMatchObject({ TokenCode: "246810" });
  });

  it.skipIf(!hasScript)("refuses an MFA code that is not six digits with status 2", async () => {
    const result = await world.home.runInTerminal(["whoami", "--profile", "mfa", ...endpoint], "12ab\n");
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("lanyard: the MFA code must be 6 digits");
    expect(sts.requests).toEqual([]);
  });
});
