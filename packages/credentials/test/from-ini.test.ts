import { afterEach, describe, expect, it } from "vitest";
import { type AssumeRoleParams, type AwsCredentials, createCredentials } from "../src/index.js";
import { fromIni, loadSharedConfig, resolveConfigRegion } from "../src/node/index.js";
import { AKID, SECRET, type TempHome, TOKEN, tempHome } from "./helpers.js";

let home: TempHome | undefined;
afterEach(async () => {
  await home?.remove();
  home = undefined;
});

async function setup(files: Record<string, string>): Promise<TempHome> {
  home = await tempHome(files);
  return home;
}

/** A role hook that records its calls and derives new keys from the role name. */
function recordingAssumer() {
  const calls: { source: AwsCredentials; params: AssumeRoleParams }[] = [];
  const assumeRole = async (source: AwsCredentials, params: AssumeRoleParams) => {
    calls.push({ source, params });
    const role = params.roleArn.split("/").pop();
    return createCredentials({
      accessKeyId: `ASIA${role}`,
      secretAccessKey: `secret-${role}`,
      sessionToken: TOKEN,
    });
  };
  return { calls, assumeRole };
}

const CREDENTIALS = `[default]
aws_access_key_id = ${AKID}
aws_secret_access_key = ${SECRET}

[dev]
aws_access_key_id = AKIDDEV
aws_secret_access_key = dev-secret
aws_session_token = dev-token
`;

describe("fromIni", () => {
  it("reads the default profile from ~/.aws/credentials", async () => {
    const h = await setup({ ".aws/credentials": CREDENTIALS });
    const creds = await fromIni({ env: {}, homedir: h.dir })();
    expect(creds).toEqual({ accessKeyId: AKID, secretAccessKey: SECRET });
  });

  it("selects the profile from the option, then AWS_PROFILE", async () => {
    const h = await setup({ ".aws/credentials": CREDENTIALS });
    expect((await fromIni({ env: { AWS_PROFILE: "dev" }, homedir: h.dir })()).sessionToken).toBe("dev-token");
    expect(
      (await fromIni({ profile: "default", env: { AWS_PROFILE: "dev" }, homedir: h.dir })()).accessKeyId,
    ).toBe(AKID);
  });

  it("reads [profile x] sections of the config file; a bare section there is no profile", async () => {
    const h = await setup({
      ".aws/config":
        "[profile cfg]\naws_access_key_id = AKIDCFG\naws_secret_access_key = s\n[bare]\naws_access_key_id = X\naws_secret_access_key = y\n",
    });
    expect((await fromIni({ profile: "cfg", env: {}, homedir: h.dir })()).accessKeyId).toBe("AKIDCFG");
    await expect(fromIni({ profile: "bare", env: {}, homedir: h.dir })()).rejects.toMatchObject({
      code: "profile-not-found",
      tryNext: false,
    });
  });

  it("reads real files with comments and sub-keys, ignoring lines without =", async () => {
    const h = await setup({
      ".aws/credentials": `# keys for ci\n; another comment\n[ci] # inline\naws_access_key_id = AKIDCI ; inline\naws_secret_access_key = s#cret\n`,
      ".aws/config":
        "[profile ci]\nregion = eu-west-1 # inline\ns3 =\n  max_concurrent_requests = 10\ncli_pager = less\n  -R\n",
    });
    expect(await fromIni({ profile: "ci", env: {}, homedir: h.dir })()).toEqual({
      accessKeyId: "AKIDCI",
      secretAccessKey: "s#cret",
    });
    const { profiles } = await loadSharedConfig({ env: {}, homedir: h.dir });
    expect({ ...profiles.ci }).toMatchObject({
      region: "eu-west-1",
      "s3.max_concurrent_requests": "10",
      cli_pager: "less",
    });
  });

  it("lets the credentials file override the config file key by key", async () => {
    const h = await setup({
      ".aws/config":
        "[default]\naws_access_key_id = FROMCONFIG\naws_secret_access_key = config-secret\nregion = eu-west-1\n",
      ".aws/credentials": `[default]\naws_access_key_id = ${AKID}\n`,
    });
    const creds = await fromIni({ env: {}, homedir: h.dir })();
    expect(creds).toMatchObject({ accessKeyId: AKID, secretAccessKey: "config-secret" });
  });

  it("honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE", async () => {
    const h = await setup({});
    const credentials = await h.write("elsewhere/creds", CREDENTIALS);
    const config = await h.write("elsewhere/conf", "[profile c]\nregion = ap-south-1\n");
    const env = { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: config };
    expect((await fromIni({ env, homedir: h.dir })()).accessKeyId).toBe(AKID);
    expect(await resolveConfigRegion({ profile: "c", env, homedir: h.dir })).toBe("ap-south-1");
  });

  it("fails with tryNext when there are no shared files at all", async () => {
    const h = await setup({});
    await expect(fromIni({ env: {}, homedir: h.dir })()).rejects.toMatchObject({ tryNext: true });
  });

  it("assumes a role from a source_profile through the hook", async () => {
    const h = await setup({
      ".aws/credentials": CREDENTIALS,
      ".aws/config":
        "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\nexternal_id = ext-1\nduration_seconds = 900\nrole_session_name = me\nregion = us-west-2\n",
    });
    const { calls, assumeRole } = recordingAssumer();
    const creds = await fromIni({ profile: "admin", env: {}, homedir: h.dir, assumeRole })();
    expect(creds.accessKeyId).toBe("ASIAAdmin");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.source.accessKeyId).toBe(AKID);
    expect(calls[0]?.params).toEqual({
      roleArn: "arn:aws:iam::123456789012:role/Admin",
      roleSessionName: "me",
      externalId: "ext-1",
      durationSeconds: 900,
      region: "us-west-2",
    });
  });

  it.each([
    ["1h", "a unit"],
    ["one hour", "words"],
    ["3600.5", "a fraction"],
  ])(
    "refuses duration_seconds = %s (%s), naming the setting and file, where parseInt asked STS for 1 s or NaN",
    async (value) => {
      const h = await setup({
        ".aws/credentials": CREDENTIALS,
        ".aws/config": `[profile admin]\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = default\nduration_seconds = ${value}\n`,
      });
      const { calls, assumeRole } = recordingAssumer();
      const error = await fromIni({ profile: "admin", env: {}, homedir: h.dir, assumeRole })().catch(
        (e: Error) => e,
      );
      expect(error).toMatchObject({ code: "invalid-config", tryNext: false });
      expect((error as Error).message).toBe(
        'duration_seconds from profile "admin" in ~/.aws/config is not valid: expected a whole number of at least 1',
      );
      expect(calls).toHaveLength(0);
    },
  );

  it("chains roles: each role's credentials are the source of the next", async () => {
    const h = await setup({
      ".aws/credentials": CREDENTIALS,
      ".aws/config": [
        "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = default",
        "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a",
        "[profile c]\nrole_arn = arn:aws:iam::1:role/C\nsource_profile = b",
      ].join("\n"),
    });
    const { calls, assumeRole } = recordingAssumer();
    const creds = await fromIni({ profile: "c", env: {}, homedir: h.dir, assumeRole, now: () => 42 })();
    expect(creds.accessKeyId).toBe("ASIAC");
    expect(
      calls.map((c) => [c.source.accessKeyId, c.params.roleArn.slice(-1), c.params.roleSessionName]),
    ).toEqual([
      [AKID, "A", "lanyard-42"],
      ["ASIAA", "B", "lanyard-42"],
      ["ASIAB", "C", "lanyard-42"],
    ]);
  });

  it("uses a profile's own static keys when it names itself as source_profile", async () => {
    const h = await setup({
      ".aws/credentials": `[self]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\nrole_arn = arn:aws:iam::1:role/Self\nsource_profile = self\n`,
    });
    const { calls, assumeRole } = recordingAssumer();
    expect((await fromIni({ profile: "self", env: {}, homedir: h.dir, assumeRole })()).accessKeyId).toBe(
      "ASIASelf",
    );
    expect(calls[0]?.source.accessKeyId).toBe(AKID);
  });

  it("detects a cycle of source profiles with an error naming the path", async () => {
    const h = await setup({
      ".aws/config":
        "[profile x]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = y\n[profile y]\nrole_arn = arn:aws:iam::1:role/Y\nsource_profile = x\n",
    });
    const { assumeRole } = recordingAssumer();
    const error = await fromIni({ profile: "x", env: {}, homedir: h.dir, assumeRole })().catch(
      (e: Error) => e,
    );
    expect(error).toMatchObject({ code: "profile-cycle", tryNext: false });
    expect((error as Error).message).toContain("y -> x -> y");
  });

  it("fails clearly when a role profile has no hook, pointing to @lanyard/sts-client", async () => {
    const h = await setup({
      ".aws/credentials": CREDENTIALS,
      ".aws/config": "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n",
    });
    const error = await fromIni({ profile: "r", env: {}, homedir: h.dir })().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "role-assumer-missing", tryNext: false });
    expect((error as Error).message).toMatch(/defaultCredentials\(\) from @lanyard\/sts-client/);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("reports a missing source_profile without moving on", async () => {
    const h = await setup({
      ".aws/config": "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = ghost\n",
    });
    const { assumeRole } = recordingAssumer();
    await expect(fromIni({ profile: "r", env: {}, homedir: h.dir, assumeRole })()).rejects.toMatchObject({
      code: "profile-not-found",
      tryNext: false,
    });
  });

  it("asks mfaCodeProvider for the code of an mfa_serial profile", async () => {
    const h = await setup({
      ".aws/credentials": CREDENTIALS,
      ".aws/config":
        "[profile m]\nrole_arn = arn:aws:iam::1:role/M\nsource_profile = default\nmfa_serial = arn:aws:iam::1:mfa/me\n",
    });
    const { calls, assumeRole } = recordingAssumer();
    const options = { profile: "m", env: {}, homedir: h.dir, assumeRole };
    await expect(fromIni(options)()).rejects.toMatchObject({ code: "mfa-code-missing" });
    await fromIni({
      ...options,
      mfaCodeProvider: async (serial) => (serial.endsWith("/me") ? "123456" : ""),
    })();
    expect(calls[0]?.params).toMatchObject({ serialNumber: "arn:aws:iam::1:mfa/me", tokenCode: "123456" });
  });

  it("takes a credential_source = Environment role's source from the env", async () => {
    const h = await setup({
      ".aws/config": "[profile e]\nrole_arn = arn:aws:iam::1:role/E\ncredential_source = Environment\n",
    });
    const { calls, assumeRole } = recordingAssumer();
    const env = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };
    await fromIni({ profile: "e", env, homedir: h.dir, assumeRole })();
    expect(calls[0]?.source.accessKeyId).toBe("AKIDENV");
  });

  it("uses a source profile's credential_source directly when it has no role_arn", async () => {
    const h = await setup({
      ".aws/config":
        "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n[profile base]\ncredential_source = Environment\n",
    });
    const { calls, assumeRole } = recordingAssumer();
    const env = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };
    await fromIni({ profile: "r", env, homedir: h.dir, assumeRole })();
    expect(calls.map((c) => [c.source.accessKeyId, c.params.roleArn])).toEqual([
      ["AKIDENV", "arn:aws:iam::1:role/R"],
    ]);
  });

  it("rejects a role profile with both source_profile and credential_source", async () => {
    const h = await setup({
      ".aws/config":
        "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = b\ncredential_source = Environment\n",
    });
    const { assumeRole } = recordingAssumer();
    await expect(fromIni({ profile: "b", env: {}, homedir: h.dir, assumeRole })()).rejects.toMatchObject({
      code: "invalid-config",
      message: expect.stringMatching(/profile "b" sets both source_profile and credential_source/),
    });
  });

  it("rejects an unknown credential_source", async () => {
    const h = await setup({
      ".aws/config": "[profile e]\nrole_arn = arn:aws:iam::1:role/E\ncredential_source = Moon\n",
    });
    const { assumeRole } = recordingAssumer();
    await expect(fromIni({ profile: "e", env: {}, homedir: h.dir, assumeRole })()).rejects.toMatchObject({
      code: "unsupported",
    });
  });

  it("assumes a role with a web_identity_token_file profile through the web identity hook", async () => {
    const h = await setup({});
    const tokenFile = await h.write("token", "oidc-token\n");
    await h.write(
      ".aws/config",
      `[profile w]\nrole_arn = arn:aws:iam::1:role/W\nweb_identity_token_file = ${tokenFile}\n`,
    );
    let seen: unknown;
    const creds = await fromIni({
      profile: "w",
      env: {},
      homedir: h.dir,
      now: () => 7,
      assumeRoleWithWebIdentity: async (params) => {
        seen = params;
        return createCredentials({ accessKeyId: "ASIAW", secretAccessKey: "w" });
      },
    })();
    expect(creds.accessKeyId).toBe("ASIAW");
    expect(seen).toEqual({
      roleArn: "arn:aws:iam::1:role/W",
      roleSessionName: "lanyard-7",
      webIdentityToken: "oidc-token\n",
    });
  });

  it("reports an SSO profile without sso_role_name as a configuration error that stops a chain", async () => {
    const h = await setup({ ".aws/config": "[profile sso]\nsso_session = corp\nsso_account_id = 1\n" });
    const error = await fromIni({ profile: "sso", env: {}, homedir: h.dir })().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "invalid-config", tryNext: false });
    expect((error as Error).message).toMatch(
      /profile "sso" uses sso_session "corp" but there is no \[sso-session corp\]/,
    );
  });
});

describe("loadSharedConfig and resolveConfigRegion", () => {
  it("returns config profiles without the prefix and credentials sections as they are", async () => {
    const h = await setup({
      ".aws/config": "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-central-1\n",
      ".aws/credentials": CREDENTIALS,
    });
    const config = await loadSharedConfig({ env: {}, homedir: h.dir });
    expect(Object.keys(config.profiles).sort()).toEqual(["default", "dev"]);
    expect(Object.keys(config.credentials).sort()).toEqual(["default", "dev"]);
  });

  it("prefers AWS_REGION, then the selected profile's region", async () => {
    const h = await setup({
      ".aws/config": "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-central-1\n",
    });
    expect(await resolveConfigRegion({ env: { AWS_REGION: "sa-east-1" }, homedir: h.dir })).toBe("sa-east-1");
    expect(await resolveConfigRegion({ env: {}, homedir: h.dir })).toBe("us-east-1");
    expect(await resolveConfigRegion({ env: { AWS_PROFILE: "dev" }, homedir: h.dir })).toBe("eu-central-1");
    expect(await resolveConfigRegion({ profile: "none", env: {}, homedir: h.dir })).toBeUndefined();
  });
});

describe("unreadable shared files", () => {
  it("reports a credentials path that is a directory as file-unreadable", async () => {
    const h = await setup({ "dir-not-file/placeholder": "" });
    const env = { AWS_SHARED_CREDENTIALS_FILE: `${h.dir}/dir-not-file` };
    await expect(fromIni({ env, homedir: h.dir })()).rejects.toMatchObject({
      code: "file-unreadable",
      tryNext: false,
    });
  });
});
