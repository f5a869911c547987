// A role ARN or session name STS cannot take is refused by the client before it is sent, with a
// message naming the STS member. The provider adds where the value was set.
import { describe, expect, it } from "vitest";
import type { RoleAssumer, WebIdentityAssumer } from "../src/index.js";
import { fromIni, fromTokenFile } from "../src/node/index.js";
import { AKID, rejection, SECRET, tempHome, useScratch } from "./helpers.js";

const scratch = useScratch();

/** What a client's validation error carries (query-client `ValidationError`, code `validation`). */
function refusal(operation: string): Error {
  return Object.assign(
    new Error(
      `${operation} input is invalid (1 problem(s)):\n  - RoleArn: must be between 20 and 2048 characters, got 7`,
    ),
    { code: "validation" },
  );
}

describe("a role STS cannot take, named by where it was set", () => {
  it("fromTokenFile names AWS_ROLE_ARN and AWS_ROLE_SESSION_NAME", async () => {
    scratch.home = await tempHome({ token: "eyJhbGciOi.payload.sig" });
    const hook: WebIdentityAssumer = async () => {
      throw refusal("AssumeRoleWithWebIdentity");
    };
    const error = await rejection(
      fromTokenFile({
        env: { AWS_WEB_IDENTITY_TOKEN_FILE: `${scratch.home.dir}/token`, AWS_ROLE_ARN: "arn:aw" },
        assumeRoleWithWebIdentity: hook,
      })(),
    );
    expect(error.code).toBe("invalid-config");
    expect(error.message).toMatch(
      /^fromTokenFile: STS cannot take the role as set \(AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME\): AssumeRoleWithWebIdentity input is invalid/,
    );
    expect((error.cause as { code: string }).code).toBe("validation");
  });

  it("fromTokenFile names its options when they were given", async () => {
    scratch.home = await tempHome({ token: "eyJhbGciOi.payload.sig" });
    const error = await rejection(
      fromTokenFile({
        env: {},
        webIdentityTokenFile: `${scratch.home.dir}/token`,
        roleArn: "arn:aw",
        roleSessionName: "a b",
        assumeRoleWithWebIdentity: async () => {
          throw refusal("AssumeRoleWithWebIdentity");
        },
      })(),
    );
    expect(error.message).toContain("(the roleArn option, the roleSessionName option)");
  });

  it("a role profile names the profile and its role settings", async () => {
    scratch.home = await tempHome({
      ".aws/config": "[profile dev]\nrole_arn = arn:aw\nsource_profile = base\n",
      ".aws/credentials": `[base]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\n`,
    });
    const assumeRole: RoleAssumer = async () => {
      throw refusal("AssumeRole");
    };
    const error = await rejection(
      fromIni({ profile: "dev", env: {}, homedir: scratch.home.dir, assumeRole })(),
    );
    expect(error.code).toBe("invalid-config");
    expect(error.message).toMatch(
      /^profile "dev": STS cannot take the role as set \(role_arn, role_session_name, external_id, duration_seconds, mfa_serial\): AssumeRole input is invalid/,
    );
  });

  it("a web identity profile names its role settings", async () => {
    scratch.home = await tempHome({ token: "eyJhbGciOi.payload.sig" });
    const token = `${scratch.home.dir}/token`;
    await scratch.home.write(
      ".aws/config",
      `[profile web]\nrole_arn = arn:aw\nweb_identity_token_file = ${token}\n`,
    );
    const error = await rejection(
      fromIni({
        profile: "web",
        env: {},
        homedir: scratch.home.dir,
        assumeRoleWithWebIdentity: async () => {
          throw refusal("AssumeRoleWithWebIdentity");
        },
      })(),
    );
    expect(error.message).toMatch(
      /^profile "web": STS cannot take the role as set \(role_arn, role_session_name\)/,
    );
  });

  it("any other failure of the hook (a service error) is passed on as it is", async () => {
    scratch.home = await tempHome({ token: "eyJhbGciOi.payload.sig" });
    const denied = Object.assign(new Error("Not authorized to perform sts:AssumeRoleWithWebIdentity"), {
      code: "AccessDenied",
    });
    const error = await fromTokenFile({
      env: {
        AWS_WEB_IDENTITY_TOKEN_FILE: `${scratch.home.dir}/token`,
        AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/w",
      },
      assumeRoleWithWebIdentity: async () => {
        throw denied;
      },
    })().catch((caught: unknown) => caught);
    expect(error).toBe(denied);
  });
});
