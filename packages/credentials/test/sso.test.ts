import { readdir, readFile, stat } from "node:fs/promises";
import type { HttpRequest, HttpResponse, Transport } from "@lanyard/http";
import { describe, expect, it } from "vitest";
import { CredentialsError } from "../src/index.js";
import { defaultChain, defaultSsoEndpoint, fromIni, fromSso, ssoCachePath } from "../src/node/index.js";
import { failure, json, loopback, tempHome, useScratch } from "./helpers.js";

const START_URL = "https://corp.awsapps.com/start";
const NOW = Date.parse("2030-06-01T12:00:00Z");
const SESSION_CONFIG = `[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer

[sso-session corp]
sso_start_url = ${START_URL}
sso_region = us-east-1
`;
const LEGACY_CONFIG = `[profile old]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n`;
const ACCESS_TOKEN = "aoa-access-token-SECRET";
const REFRESH_TOKEN = "aor-refresh-token-SECRET";
const CLIENT_SECRET = "client-secret-SECRET";

const scratch = useScratch();

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

function cacheEntry(overrides: Record<string, unknown> = {}) {
  return {
    startUrl: START_URL,
    region: "us-east-1",
    accessToken: ACCESS_TOKEN,
    expiresAt: iso(NOW + 3600_000),
    clientId: "client-id",
    clientSecret: CLIENT_SECRET,
    registrationExpiresAt: iso(NOW + 90 * 86400_000),
    refreshToken: REFRESH_TOKEN,
    ...overrides,
  };
}

interface Portal {
  status?: number;
  oidcStatus?: number;
}

/** IAM Identity Center portal and SSO OIDC on loopback; both record what they receive. */
async function startPortal(options: Portal = {}) {
  const bodies: string[] = [];
  scratch.server = await loopback((req, res, body) => {
    bodies.push(body);
    if (req.url === "/token") {
      if ((options.oidcStatus ?? 200) !== 200)
        return json(res, options.oidcStatus ?? 400, { error: "invalid_grant" });
      return json(res, 200, {
        accessToken: "aoa-refreshed",
        expiresIn: 3600,
        refreshToken: "aor-rotated",
        tokenType: "Bearer",
      });
    }
    if ((options.status ?? 200) !== 200) return json(res, options.status ?? 500, { message: "no" });
    const token = req.headers["x-amz-sso_bearer_token"];
    json(res, 200, {
      roleCredentials: {
        accessKeyId: `ASIA-${token}`,
        secretAccessKey: "role-secret",
        sessionToken: "role-session",
        expiration: NOW + 3600_000,
      },
    });
  });
  return { server: scratch.server, bodies };
}

async function setup(config: string, cache: Record<string, unknown> | string | undefined, key = "corp") {
  scratch.home = await tempHome({ ".aws/config": config });
  if (cache !== undefined) {
    await scratch.home.write(
      ssoCachePath(scratch.home.dir, key).slice(scratch.home.dir.length + 1),
      typeof cache === "string" ? cache : JSON.stringify(cache),
    );
  }
  const env: Record<string, string> = scratch.server
    ? {
        AWS_ENDPOINT_URL_SSO: scratch.server.url,
        AWS_ENDPOINT_URL_SSO_OIDC: scratch.server.url,
        AWS_EC2_METADATA_DISABLED: "true",
      }
    : { AWS_EC2_METADATA_DISABLED: "true" };
  return { env, homedir: scratch.home.dir, now: () => NOW };
}

/** How many CreateToken (refresh) requests SSO OIDC received. */
function tokenRequests(): number {
  return scratch.server?.requests.filter((request) => request.url === "/token").length ?? 0;
}

function expectNoSecrets(error: Error | undefined): void {
  for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, "role-secret"]) {
    expect(error?.message).not.toContain(secret);
  }
}

describe("IAM Identity Center profiles", () => {
  it("exchanges the cached sso-session token for role credentials at the portal", async () => {
    await startPortal();
    const options = await setup(SESSION_CONFIG, cacheEntry());
    const credentials = await fromIni({ ...options, profile: "dev" })();
    expect(credentials).toMatchObject({
      accessKeyId: `ASIA-${ACCESS_TOKEN}`,
      sessionToken: "role-session",
      accountId: "111122223333",
      expiration: new Date(NOW + 3600_000),
    });
    const request = scratch.server!.requests[0]!;
    expect(request.method).toBe("GET");
    expect(new URL(request.url, scratch.server!.url).pathname).toBe("/federation/credentials");
    expect(Object.fromEntries(new URL(request.url, scratch.server!.url).searchParams)).toEqual({
      role_name: "Developer",
      account_id: "111122223333",
    });
  });

  it("reads the legacy form's token cached under the SHA-1 of the start URL", async () => {
    await startPortal();
    const options = await setup(LEGACY_CONFIG, cacheEntry({ accessToken: "legacy-token" }), START_URL);
    expect((await fromSso({ ...options, profile: "old" })()).accessKeyId).toBe("ASIA-legacy-token");
  });

  it("refreshes a token inside the 5-minute window through SSO OIDC and writes the cache back as the CLI does", async () => {
    const { bodies } = await startPortal();
    const options = await setup(
      SESSION_CONFIG,
      cacheEntry({ expiresAt: iso(NOW + 60_000), cliField: "kept" }),
    );
    expect((await fromIni({ ...options, profile: "dev" })()).accessKeyId).toBe("ASIA-aoa-refreshed");
    expect(JSON.parse(bodies[0]!)).toEqual({
      clientId: "client-id",
      clientSecret: CLIENT_SECRET,
      grantType: "refresh_token",
      refreshToken: REFRESH_TOKEN,
    });
    const path = ssoCachePath(scratch.home!.dir, "corp");
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(
      cacheEntry({
        accessToken: "aoa-refreshed",
        expiresAt: iso(NOW + 3600_000),
        refreshToken: "aor-rotated",
        cliField: "kept",
      }),
    );
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(`${scratch.home!.dir}/.aws/sso/cache`)).filter((f) => f.endsWith(".tmp"))).toEqual(
      [],
    );
  });

  it("keeps using a still valid token when its refresh is refused", async () => {
    await startPortal({ oidcStatus: 400 });
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW + 60_000) }));
    expect((await fromIni({ ...options, profile: "dev" })()).accessKeyId).toBe(`ASIA-${ACCESS_TOKEN}`);
  });

  it("shares one refresh among concurrent resolutions, so a rotated refresh token is sent once", async () => {
    await startPortal();
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW + 60_000) }));
    const resolved = await Promise.all([1, 2, 3].map(() => fromIni({ ...options, profile: "dev" })()));
    expect(resolved.map((c) => c.accessKeyId)).toEqual(Array(3).fill("ASIA-aoa-refreshed"));
    expect(tokenRequests()).toBe(1);
  });

  it("tries a refused refresh again only after 30 s, using the valid token meanwhile", async () => {
    await startPortal({ oidcStatus: 400 });
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW + 120_000) }));
    let now = NOW;
    const provider = fromIni({ ...options, profile: "dev", now: () => now });
    expect((await provider()).accessKeyId).toBe(`ASIA-${ACCESS_TOKEN}`);
    now += 29_000;
    expect((await provider()).accessKeyId).toBe(`ASIA-${ACCESS_TOKEN}`);
    expect(tokenRequests()).toBe(1);
    now += 2_000;
    expect((await provider()).accessKeyId).toBe(`ASIA-${ACCESS_TOKEN}`);
    expect(tokenRequests()).toBe(2);
  });

  it("does not ask SSO OIDC again within 30 s for an expired token whose refresh was refused", async () => {
    await startPortal({ oidcStatus: 400 });
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW - 60_000) }));
    const provider = fromIni({ ...options, profile: "dev" });
    expect(await failure(provider())).toMatchObject({ code: "sso-login-required" });
    const again = await failure(provider());
    expect(again).toMatchObject({ code: "sso-login-required" });
    expect(again?.message).toMatch(/a refresh was tried less than 30 s ago; run aws sso login --profile dev/);
    expect(tokenRequests()).toBe(1);
  });

  it("asks for `aws sso login` when the token expired and its refresh is refused", async () => {
    await startPortal({ oidcStatus: 400 });
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW - 60_000) }));
    const error = await failure(fromIni({ ...options, profile: "dev" })());
    expect(error).toMatchObject({ code: "sso-login-required", tryNext: false });
    expect(error?.message).toMatch(
      /profile "dev": the IAM Identity Center token expired at 2030-06-01T11:59:00.000Z/,
    );
    expect(error?.message).toMatch(/SSO OIDC answered HTTP 400 invalid_grant/);
    expect(error?.message).toMatch(/run aws sso login --profile dev \(or aws sso login --sso-session corp\)/);
    expectNoSecrets(error);
  });

  it("treats an expiresIn past the last date there is as a failed refresh, not a RangeError", async () => {
    scratch.server = await loopback((req, res) => {
      if (req.url === "/token") return json(res, 200, { accessToken: "aoa-forever", expiresIn: 1e20 });
      json(res, 500, {});
    });
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW - 60_000) }));
    const error = await failure(fromIni({ ...options, profile: "dev" })());
    expect(error).toMatchObject({ code: "sso-login-required", tryNext: false });
    expect(error?.message).toMatch(/could not be refreshed \(SSO OIDC's answer has an expiresIn too large/);
    expectNoSecrets(error);
    const path = ssoCachePath(scratch.home!.dir, "corp");
    expect(JSON.parse(await readFile(path, "utf8")).accessToken).toBe(ACCESS_TOKEN);
  });

  it("does not refresh legacy tokens: an expired one asks for `aws sso login`", async () => {
    await startPortal();
    const options = await setup(LEGACY_CONFIG, cacheEntry({ expiresAt: iso(NOW - 1000) }), START_URL);
    const error = await failure(fromIni({ ...options, profile: "old" })());
    expect(error).toMatchObject({ code: "sso-login-required" });
    expect(error?.message).toMatch(/run aws sso login --profile old$/);
    expect(scratch.server!.requests).toHaveLength(0);
  });

  it("asks for `aws sso login` when nothing is cached", async () => {
    const options = await setup(SESSION_CONFIG, undefined);
    const error = await failure(fromIni({ ...options, profile: "dev" })());
    expect(error).toMatchObject({ code: "sso-login-required", tryNext: false });
    expect(error?.message).toMatch(/no IAM Identity Center token is cached for sso-session "corp"/);
  });

  it("reports a malformed cache file without its contents", async () => {
    const options = await setup(SESSION_CONFIG, `{"accessToken": "${ACCESS_TOKEN}", "expiresAt": `);
    const error = await failure(fromIni({ ...options, profile: "dev" })());
    expect(error).toMatchObject({ code: "sso-login-required" });
    expect(error?.message).toMatch(/is not a token cache entry \(not JSON\)/);
    expectNoSecrets(error);
  });

  it("asks for `aws sso login` when the portal refuses the token (401)", async () => {
    await startPortal({ status: 401 });
    const options = await setup(SESSION_CONFIG, cacheEntry());
    const error = await failure(fromIni({ ...options, profile: "dev" })());
    expect(error).toMatchObject({ code: "sso-login-required", tryNext: false });
    expect(error?.message).toMatch(/answered HTTP 401.*lacks role Developer in account 111122223333/);
    expectNoSecrets(error);
  });

  it("reports an unreachable portal as http-failed without moving on", async () => {
    const closed = await loopback(() => undefined);
    await closed.close();
    const options = await setup(SESSION_CONFIG, cacheEntry());
    const env = { ...options.env, AWS_ENDPOINT_URL_SSO: closed.url };
    const error = await failure(fromIni({ ...options, env, profile: "dev" })());
    expect(error).toMatchObject({ code: "http-failed", tryNext: false });
    expect(error?.message).toMatch(/GetRoleCredentials: cannot reach http:\/\/127\.0\.0\.1:\d+/);
    expectNoSecrets(error);
  });

  it("never falls through to instance metadata when the SSO profile fails", async () => {
    const imds = await loopback((_req, res) => json(res, 200, "would be the instance's role"));
    try {
      const options = await setup(SESSION_CONFIG, undefined);
      const env = { AWS_PROFILE: "dev", AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url };
      const error = await failure(defaultChain({ ...options, env })());
      expect(error).toBeInstanceOf(CredentialsError);
      expect(error).toMatchObject({ code: "sso-login-required" });
      expect(imds.requests).toHaveLength(0);
    } finally {
      await imds.close();
    }
  });

  it("sends through the given transport instead of node:http", async () => {
    const seen: HttpRequest[] = [];
    const transport: Transport = {
      async send(request): Promise<HttpResponse> {
        seen.push(request);
        const body = JSON.stringify({
          roleCredentials: {
            accessKeyId: "ASIAVIATRANSPORT",
            secretAccessKey: "s",
            sessionToken: "t",
            expiration: NOW + 1,
          },
        });
        return { status: 200, headers: {}, body: new TextEncoder().encode(body) };
      },
      close: async () => undefined,
    };
    const options = await setup(SESSION_CONFIG, cacheEntry());
    const credentials = await fromIni({
      ...options,
      env: { AWS_REGION: "eu-west-1" },
      profile: "dev",
      transport,
    })();
    expect(credentials.accessKeyId).toBe("ASIAVIATRANSPORT");
    expect(seen[0]?.url.origin).toBe("https://portal.sso.us-east-1.amazonaws.com");
    expect(seen[0]?.headers["x-amz-sso_bearer_token"]).toBe(ACCESS_TOKEN);
  });

  it("treats a JSON answer that is not an object (null) as a bad answer, not a crash", async () => {
    const answering = (portal: string, oidc: string): Transport => ({
      async send(request): Promise<HttpResponse> {
        const body = request.url.pathname === "/token" ? oidc : portal;
        return { status: 200, headers: {}, body: new TextEncoder().encode(body) };
      },
      close: async () => undefined,
    });
    const options = await setup(SESSION_CONFIG, cacheEntry({ expiresAt: iso(NOW + 60_000) }));
    const role = JSON.stringify({
      roleCredentials: {
        accessKeyId: "ASIAKEPT",
        secretAccessKey: "s",
        sessionToken: "t",
        expiration: NOW + 1,
      },
    });
    // A refresh answered with null is a failed refresh: the still-valid token goes on being used.
    const kept = await fromIni({ ...options, profile: "dev", transport: answering(role, "null") })();
    expect(kept.accessKeyId).toBe("ASIAKEPT");
    const error = await failure(
      fromIni({ ...options, profile: "dev", transport: answering("null", "null") })(),
    );
    expect(error).toMatchObject({ code: "invalid-credentials" });
    expect(error?.message).toMatch(/GetRoleCredentials answered with something other than a JSON object/);
  });

  it("takes explicit sso* settings in fromSso, as the JS SDK's fromSSO", async () => {
    await startPortal();
    const options = await setup("", cacheEntry({ accessToken: "explicit" }), START_URL);
    const explicit = { ssoStartUrl: START_URL, ssoAccountId: "1", ssoRegion: "us-east-1", ssoRoleName: "R" };
    expect((await fromSso({ ...options, ...explicit })()).accessKeyId).toBe("ASIA-explicit");
    const error = await failure(fromSso({ ...options, ssoStartUrl: START_URL })());
    expect(error).toMatchObject({ code: "invalid-config" });
  });
});

describe("IAM Identity Center configuration errors", () => {
  const cases: [string, string, RegExp][] = [
    [
      "missing sso-session section",
      "[profile dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n",
      /no \[sso-session corp\] section; run `aws configure sso-session`/,
    ],
    [
      "session without sso_region",
      `${SESSION_CONFIG.replace("sso_region = us-east-1\n", "")}`,
      /\[sso-session corp\], which lacks sso_region/,
    ],
    [
      "region differing from the session's",
      SESSION_CONFIG.replace(
        "sso_role_name = Developer",
        "sso_role_name = Developer\nsso_region = us-west-2",
      ),
      /sets a different sso_region than its \[sso-session corp\]/,
    ],
    [
      "no sso_role_name",
      SESSION_CONFIG.replace("sso_role_name = Developer\n", ""),
      /lacks sso_role_name; run `aws configure sso --profile dev`/,
    ],
    [
      "an sso_region that is no region",
      LEGACY_CONFIG.replace("[profile old]", "[profile dev]").replace("us-east-1", "evil.example/x"),
      /sso_region that is not a region name/,
    ],
  ];
  for (const [what, config, message] of cases) {
    it(`reports ${what} naming the profile and the fix`, async () => {
      const options = await setup(config, cacheEntry());
      const error = await failure(fromIni({ ...options, profile: "dev" })());
      expect(error).toMatchObject({ code: "invalid-config", tryNext: false });
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toMatch(/us-west-2|evil\.example/);
    });
  }
});

describe("console login profiles", () => {
  it("without a cached session stop the chain, naming aws login, instead of falling through", async () => {
    const imds = await loopback((_req, res) => json(res, 200, "would be the instance's role"));
    try {
      scratch.home = await tempHome({
        ".aws/config": "[profile console]\nlogin_session = arn:aws:iam::1:user/a\n",
      });
      const env = { AWS_PROFILE: "console", AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url };
      const error = await failure(defaultChain({ env, homedir: scratch.home.dir })());
      expect(error).toMatchObject({ code: "login-required", tryNext: false });
      expect(error?.message).toMatch(/aws login --profile console/);
      expect(imds.requests).toHaveLength(0);
    } finally {
      await imds.close();
    }
  });
});

describe("defaultSsoEndpoint", () => {
  it("builds the portal and OIDC hosts per partition, with FIPS and dual-stack", () => {
    expect(defaultSsoEndpoint("sso", "us-east-1", false, false)).toBe(
      "https://portal.sso.us-east-1.amazonaws.com",
    );
    expect(defaultSsoEndpoint("sso-oidc", "eu-west-1", false, false)).toBe(
      "https://oidc.eu-west-1.amazonaws.com",
    );
    expect(defaultSsoEndpoint("sso", "cn-north-1", false, false)).toBe(
      "https://portal.sso.cn-north-1.amazonaws.com.cn",
    );
    expect(defaultSsoEndpoint("sso", "us-gov-west-1", true, false)).toBe(
      "https://portal.sso.us-gov-west-1.amazonaws.com",
    );
    expect(defaultSsoEndpoint("sso-oidc", "us-east-2", true, false)).toBe(
      "https://oidc-fips.us-east-2.amazonaws.com",
    );
    expect(defaultSsoEndpoint("sso", "us-east-1", false, true)).toBe("https://portal.sso.us-east-1.api.aws");
    expect(defaultSsoEndpoint("sso", "us-isob-east-1", false, false)).toBe(
      "https://portal.sso.us-isob-east-1.sc2s.sgov.gov",
    );
  });
});
