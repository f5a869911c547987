// Hostile configuration: a region or endpoint that would move signed requests (or an identity
// token) to a host the configuration did not name must fail before any I/O with a clear error,
// and no credential may show in inspect or JSON output.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import type { HttpRequest, HttpResponse, Transport } from "@lanyard/http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultCredentials, STSClient, type STSClientConfig, STSClientError } from "../src/index.js";

const SECRET = "hostileTestSecretKeyDoNotPrint";
const TOKEN = "hostileTestSessionTokenDoNotPrint";
const CREDENTIALS = { accessKeyId: "AKIDHOSTILE", secretAccessKey: SECRET, sessionToken: TOKEN };

/** A transport that records every request and answers nothing useful: any send is a failure here. */
function recordingTransport(): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async send(request: HttpRequest): Promise<HttpResponse> {
      sent.push(request);
      return { status: 500, headers: {}, body: new Uint8Array() };
    },
    async close() {},
  };
}

const HOSTILE_REGIONS = [
  "evil.com#",
  "evil.com?",
  "us-east-1.evil.com#",
  "attacker.example\\x",
  "evil.com/",
  "evil.com:443",
  "user@evil.com",
  "[::1]",
  "%2F",
  "us-east-1\u0000",
  ".",
  "a..b",
  "127.0.0.1",
  "us-east-1 ",
  "-us-east-1",
  "us-east-1-",
  "\u2028",
  "a".repeat(64),
];

const ENV_KEYS = [
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_STS",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_EC2_METADATA_DISABLED",
];
let savedEnv: Record<string, string | undefined>;
let dir: string;

beforeEach(async () => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  for (const key of ENV_KEYS) delete process.env[key];
  process.env.AWS_EC2_METADATA_DISABLED = "true";
  dir = await mkdtemp(join(tmpdir(), "sts-hostile-"));
  process.env.AWS_CONFIG_FILE = join(dir, "config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
});

afterEach(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await rm(dir, { recursive: true, force: true });
});

/** Calls a signed and an unsigned operation; both must reject with `expected` and send nothing. */
async function expectRejectedWithoutIo(config: STSClientConfig, expected: RegExp): Promise<void> {
  const transport = recordingTransport();
  const client = new STSClient({ credentials: CREDENTIALS, maxAttempts: 3, ...config, transport });
  const calls = [
    () => client.getCallerIdentity(),
    () =>
      client.assumeRoleWithWebIdentity({
        RoleArn: "arn:aws:iam::123456789012:role/web",
        RoleSessionName: "session",
        WebIdentityToken: "identity-token-do-not-send",
      }),
    () => client.presignGetCallerIdentity(),
  ];
  for (const call of calls) {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(STSClientError);
    expect((error as STSClientError).code).toBe("config");
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).toMatch(/expected a Region name such as "us-east-1"/);
  }
  expect(transport.sent).toEqual([]);
}

describe("a region that is not a Region name", () => {
  it.each(HOSTILE_REGIONS)("from the region option (%j) fails before any request", async (region) => {
    await expectRejectedWithoutIo({ region }, /from the region option/);
  });

  // An environment variable cannot hold a NUL byte (the OS string ends there).
  const envRegions = HOSTILE_REGIONS.filter((region) => !region.includes("\u0000"));
  it.each(envRegions)("from AWS_REGION (%j) fails before any request", async (region) => {
    process.env.AWS_REGION = region;
    await expectRejectedWithoutIo({}, /from AWS_REGION:/);
  });

  it("from AWS_DEFAULT_REGION is never read (as in the JS SDK), so it cannot route a request", async () => {
    process.env.AWS_DEFAULT_REGION = "evil.com#";
    const transport = recordingTransport();
    const error = await new STSClient({ credentials: CREDENTIALS, transport })
      .getCallerIdentity()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "missing-region" });
    expect(transport.sent).toEqual([]);
  });

  it("from the shared config file fails naming the profile", async () => {
    await writeFile(join(dir, "config"), "[profile dev]\nregion = us-east-1.evil.com#\n");
    process.env.AWS_PROFILE = "dev";
    await expectRejectedWithoutIo({}, /from profile "dev" in .*config:/);
  });

  it("never repeats the value, so no control character or injected text reaches a log", async () => {
    const error = await new STSClient({
      region: "eu-central-9\u0000\nFAKE LOG LINE",
      credentials: CREDENTIALS,
    })
      .getCallerIdentity()
      .catch((e: Error) => e);
    expect((error as Error).message).toMatch(/an invalid AWS Region from the region option/);
    expect((error as Error).message).not.toMatch(/eu-central-9|FAKE|\u0000|\\u0000/);
  });

  it("of a role profile fails naming the profile, and sends no AssumeRole", async () => {
    await writeFile(
      join(dir, "credentials"),
      `[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = ${SECRET}\n`,
    );
    await writeFile(
      join(dir, "config"),
      "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\nregion = evil.com#\n",
    );
    const transport = recordingTransport();
    const provider = defaultCredentials({ profile: "role", clientConfig: { transport } });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSClientError);
    expect((error as Error).message).toMatch(/from the region of the profile that assumes the role/);
    expect(transport.sent).toEqual([]);
  });

  it("accepts real Region names", async () => {
    for (const region of ["us-east-1", "cn-north-1", "us-gov-west-1", "aws-global", "eu-isoe-west-1"]) {
      const url = (await new STSClient({ region, credentials: CREDENTIALS }).resolveEndpoint()).url;
      expect(url.hostname.startsWith("sts.")).toBe(true);
    }
  });
});

describe("an endpoint override that is not an http(s) URL", () => {
  const BAD_ENDPOINTS: [string, RegExp][] = [
    ["not a url", /is not a URL/],
    ["localhost:4566", /has no http:\/\/ or https:\/\/ scheme/],
    ["ftp://example.com", /has no http:\/\/ or https:\/\/ scheme/],
    [`https://user:${SECRET}@proxy.example`, /must not contain a user name or password/],
    ["https://sts.example.com/?Action=x", /must not contain a query or fragment/],
    ["https://sts.example.com/#x", /must not contain a query or fragment/],
    ["", /is not a URL/],
  ];

  it.each(BAD_ENDPOINTS)("%j as the endpoint option is an immediate STSClientError", (endpoint, why) => {
    const transport = recordingTransport();
    let error: unknown;
    try {
      new STSClient({ region: "us-east-1", credentials: CREDENTIALS, endpoint, transport });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(STSClientError);
    expect((error as STSClientError).code).toBe("endpoint");
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toMatch(/^the endpoint option /);
    expect((error as Error).message).toMatch(
      /expected an absolute http\(s\) URL such as "https:\/\/service\.example\.com"/,
    );
    expect((error as Error).message).not.toContain(SECRET);
    expect(transport.sent).toEqual([]);
  });

  it.each(["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS"])("from %s names the variable", (variable) => {
    process.env[variable] = "localhost:4566";
    expect(() => new STSClient({ region: "us-east-1", credentials: CREDENTIALS })).toThrow(
      new RegExp(`^${variable} has no http:// or https:// scheme`),
    );
  });

  it("AWS_ENDPOINT_URL_STS wins over a bad AWS_ENDPOINT_URL, and the endpoint option over both", async () => {
    process.env.AWS_ENDPOINT_URL = "not a url";
    process.env.AWS_ENDPOINT_URL_STS = "http://127.0.0.1:4566";
    const fromEnv = await new STSClient({ region: "us-east-1", credentials: CREDENTIALS }).resolveEndpoint();
    expect(fromEnv.url.href).toBe("http://127.0.0.1:4566/");
    process.env.AWS_ENDPOINT_URL_STS = "localhost:1";
    const option = new STSClient({
      region: "us-east-1",
      credentials: CREDENTIALS,
      endpoint: "http://[::1]:9",
    });
    expect((await option.resolveEndpoint()).url.href).toBe("http://[::1]:9/");
  });
});

describe("static credentials given as options", () => {
  const leaks = (text: string) => text.includes(SECRET) || text.includes(TOKEN);

  it("never show their secret or token in inspect or JSON output of the client or its config", async () => {
    const client = new STSClient({ region: "us-east-1", credentials: CREDENTIALS });
    for (const view of [
      inspect(client, { depth: 10 }),
      inspect(client.config, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      JSON.stringify(client.config),
      `${JSON.stringify({ nested: { config: client.config } })}`,
    ]) {
      expect(leaks(view)).toBe(false);
    }
    expect(client.config.credentials).toMatchObject({ accessKeyId: "AKIDHOSTILE" });
  });

  it("never show their secret or token in what resolveCredentials() returns", async () => {
    const client = new STSClient({ region: "us-east-1", credentials: CREDENTIALS });
    const resolved = await client.resolveCredentials();
    expect(resolved.secretAccessKey).toBe(SECRET);
    expect(leaks(inspect(resolved, { depth: 10 }))).toBe(false);
    expect(leaks(JSON.stringify(resolved))).toBe(false);
    expect(leaks(inspect({ resolved }, { depth: 10 }))).toBe(false);
  });

  it("from a provider returning a plain object never show their secret or token either", async () => {
    const client = new STSClient({ region: "us-east-1", credentials: async () => ({ ...CREDENTIALS }) });
    const resolved = await client.resolveCredentials();
    expect(leaks(inspect(resolved, { depth: 10 }))).toBe(false);
    expect(leaks(JSON.stringify(resolved))).toBe(false);
  });
});
