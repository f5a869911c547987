// The client reads the shared config file as the AWS SDKs do (option → environment → profile →
// default), and what resolves credentials for it (role profiles, STS credential providers)
// inherits its region, endpoint, transport and logger. Calls go to a real STS emulator.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HttpRequest, Transport } from "@lanyard/http";
import { startLoopbackProxy } from "@lanyard/http/contract";
import { assumeRoleCredentials, type LogEvent, STSClient } from "@lanyard/sts-client";
import { StsEmulator } from "@lanyard/sts-emulator";
import { NodeHttpTransport } from "@lanyard/transport-node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../../packages/http/test/loopback-certificate.js";

const ROLE = "arn:aws:iam::111122223333:role/deploy";
let sts: StsEmulator;
let dir: string;
let saved: NodeJS.ProcessEnv;

beforeAll(async () => {
  sts = await StsEmulator.start({ region: "eu-west-1" });
});
afterAll(() => sts.close());

beforeEach(async () => {
  saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (name.startsWith("AWS_")) delete process.env[name];
  process.env.AWS_EC2_METADATA_DISABLED = "true";
  dir = await mkdtemp(join(tmpdir(), "sts-config-file-"));
  process.env.AWS_CONFIG_FILE = join(dir, "config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
  const { accessKeyId, secretAccessKey } = sts.credentials;
  await writeFile(
    join(dir, "credentials"),
    `[base]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
  );
});

afterEach(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

const config = (text: string) => writeFile(join(dir, "config"), text);

/** Sends through a real transport and keeps what was sent. */
function recording(): Transport & { sent: HttpRequest[] } {
  const inner = new NodeHttpTransport({ proxy: false });
  const sent: HttpRequest[] = [];
  return {
    sent,
    send: (request, options) => {
      sent.push(request);
      return inner.send(request, options);
    },
    close: () => inner.close(),
  };
}

const scopeRegion = (request: HttpRequest) =>
  /Credential=[^/]+\/\d+\/([^/]+)\//.exec(request.headers.authorization ?? "")?.[1];

describe("settings from the shared config file", () => {
  it("takes region, endpoint_url and credentials from the profile option's profile", async () => {
    await config(
      `[profile dev]\nregion = eu-west-1\nendpoint_url = ${sts.endpoint}\nsource_profile = base\n`,
    );
    await writeFile(
      join(dir, "credentials"),
      `[dev]\naws_access_key_id = ${sts.credentials.accessKeyId}\naws_secret_access_key = ${sts.credentials.secretAccessKey}\n`,
    );
    await using client = new STSClient({ profile: "dev" });
    expect((await client.getCallerIdentity()).Arn).toMatch(/:user\//);
    const settings = await client.resolveSettings();
    expect(settings.region.source).toMatch(/^profile "dev" in /);
    expect(settings.endpoint).toMatchObject({
      value: sts.endpoint,
      source: expect.stringMatching(/^profile "dev"/),
    });
  });

  it("takes the STS endpoint from the profile's [services] section, unless configured endpoints are ignored", async () => {
    await config(
      `[default]\nregion = eu-west-1\nservices = local\n[services local]\nsts =\n  endpoint_url = ${sts.endpoint}\n`,
    );
    const client = new STSClient({ credentials: sts.credentials });
    expect((await client.resolveEndpoint()).url.origin).toBe(new URL(sts.endpoint).origin);
    expect((await client.getCallerIdentity()).Account).toBeDefined();
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "true";
    const ignoring = new STSClient({ credentials: sts.credentials });
    expect((await ignoring.resolveEndpoint()).url.host).toBe("sts.eu-west-1.amazonaws.com");
  });

  it("applies use_fips_endpoint, use_dualstack_endpoint and sts_regional_endpoints, under the environment and the options", async () => {
    await config(
      "[default]\nregion = us-west-2\nuse_fips_endpoint = true\n[profile old]\nregion = us-west-2\nsts_regional_endpoints = legacy\n[profile v6]\nregion = us-west-2\nuse_dualstack_endpoint = true\n",
    );
    expect((await new STSClient({}).resolveEndpoint()).url.host).toBe("sts-fips.us-west-2.amazonaws.com");
    expect((await new STSClient({ useFipsEndpoint: false }).resolveEndpoint()).url.host).toBe(
      "sts.us-west-2.amazonaws.com",
    );
    expect((await new STSClient({ profile: "old" }).resolveEndpoint()).url.host).toBe("sts.amazonaws.com");
    expect((await new STSClient({ profile: "v6" }).resolveEndpoint()).url.host).toBe("sts.us-west-2.api.aws");
    process.env.AWS_USE_FIPS_ENDPOINT = "false";
    expect((await new STSClient({}).resolveEndpoint()).url.host).toBe("sts.us-west-2.amazonaws.com");
  });

  it("takes max_attempts, retry_mode and sdk_ua_app_id from the profile", async () => {
    await config(
      "[default]\nregion = eu-west-1\nmax_attempts = 1\nretry_mode = adaptive\nsdk_ua_app_id = billing\n",
    );
    const transport: Transport & { sent: HttpRequest[] } = {
      sent: [],
      async send(request) {
        this.sent.push(request);
        return { status: 503, headers: {}, body: new Uint8Array() };
      },
      async close() {},
    };
    const client = new STSClient({ credentials: sts.credentials, transport });
    const error = await client.getCallerIdentity().catch((e: unknown) => e);
    expect(error).toMatchObject({ $metadata: { attempts: 1, httpStatusCode: 503 } });
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]?.headers["user-agent"]).toMatch(/ app\/billing$/);
    expect((await client.resolveSettings()).retryMode).toMatchObject({ value: "adaptive" });
  });

  it("names the profile and file of an invalid value", async () => {
    await config("[profile bad]\nregion = eu-west-1\nmax_attempts = many\n");
    await expect(
      new STSClient({ profile: "bad", credentials: sts.credentials }).getCallerIdentity(),
    ).rejects.toThrow(/max_attempts .*profile "bad" in .*config/);
    await config("[profile bad]\nregion = eu-west-1\nsts_regional_endpoints = sometimes\n");
    const error = await new STSClient({ profile: "bad", credentials: sts.credentials })
      .resolveEndpoint()
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/sts_regional_endpoints from profile "bad" in .*config/);
    expect(String(error)).not.toContain("sometimes");
  });

  it("trusts the ca_bundle the profile names for https endpoints, and only it", async () => {
    const pems = await loopbackCertificate();
    const server = createServer({ key: pems.key, cert: pems.cert }, (_req, res) => {
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(
        "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>",
      );
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await writeFile(join(dir, "ca.pem"), pems.cert);
      await config(
        `[default]\nregion = eu-west-1\n[profile trusted]\nregion = eu-west-1\nca_bundle = ${join(dir, "ca.pem")}\n`,
      );
      await using trusted = new STSClient({ profile: "trusted", endpoint, credentials: sts.credentials });
      expect((await trusted.getCallerIdentity()).Account).toBe("111122223333");
      await using untrusted = new STSClient({ endpoint, credentials: sts.credentials, maxAttempts: 1 });
      await expect(untrusted.getCallerIdentity()).rejects.toMatchObject({ code: "tls" });
    } finally {
      server.close();
    }
  });
});

describe("the default transport", () => {
  it("sends through HTTP_PROXY, as the SDKs' users on corporate networks expect", async () => {
    const proxy = await startLoopbackProxy();
    try {
      // The same client twice: the proxy variables are read when its transport is made.
      const options = { region: "eu-west-1", endpoint: sts.endpoint, credentials: sts.credentials };
      process.env.HTTP_PROXY = proxy.url;
      await using client = new STSClient(options);
      await client.getCallerIdentity();
      expect(proxy.forwards()).toBe(1);
      process.env.NO_PROXY = "127.0.0.1";
      await using direct = new STSClient(options);
      await direct.getCallerIdentity();
      expect(proxy.forwards()).toBe(1);
    } finally {
      delete process.env.HTTP_PROXY;
      delete process.env.NO_PROXY;
      await proxy.close();
    }
  });
});

describe("credentials resolved for a client inherit its settings", () => {
  it("a role profile's AssumeRole goes to the client's endpoint and region, through its transport, told to its logger", async () => {
    await config(`[profile role]\nrole_arn = ${ROLE}\nsource_profile = base\n`);
    const transport = recording();
    const events: LogEvent[] = [];
    await using client = new STSClient({
      profile: "role",
      region: "eu-west-1",
      endpoint: sts.endpoint,
      transport,
      logger: (event) => events.push(event),
    });
    expect((await client.getCallerIdentity()).Arn).toMatch(/:assumed-role\/deploy\//);
    expect(transport.sent.map((request) => new URLSearchParams(String(request.body)).get("Action"))).toEqual([
      "AssumeRole",
      "GetCallerIdentity",
    ]);
    expect(transport.sent.map(scopeRegion)).toEqual(["eu-west-1", "eu-west-1"]);
    expect(events.map((event) => event.operation)).toEqual(["AssumeRole", "GetCallerIdentity"]);
    await transport.close();
  });

  it("unless the role profile names its own region", async () => {
    await config(`[profile role]\nrole_arn = ${ROLE}\nsource_profile = base\nregion = us-west-2\n`);
    const transport = recording();
    const client = new STSClient({
      profile: "role",
      region: "eu-west-1",
      endpoint: sts.endpoint,
      transport,
      maxAttempts: 1,
    });
    await client.getCallerIdentity().catch(() => undefined);
    expect(scopeRegion(transport.sent[0]!)).toBe("us-west-2");
    await transport.close();
  });

  it("so does assumeRoleCredentials given as the client's credentials", async () => {
    const transport = recording();
    const credentials = assumeRoleCredentials({ roleArn: ROLE, sourceCredentials: sts.credentials });
    await using client = new STSClient({
      region: "eu-west-1",
      endpoint: sts.endpoint,
      transport,
      credentials,
    });
    expect((await client.getCallerIdentity()).Arn).toMatch(/:assumed-role\/deploy\//);
    expect(transport.sent).toHaveLength(2);
    await transport.close();
  });

  it("an empty region among the provider's own options is no region: the client's applies", async () => {
    const transport = recording();
    const credentials = assumeRoleCredentials({
      roleArn: ROLE,
      sourceCredentials: sts.credentials,
      clientConfig: { region: "" },
    });
    await using client = new STSClient({
      region: "eu-west-1",
      endpoint: sts.endpoint,
      transport,
      credentials,
    });
    await client.getCallerIdentity();
    expect(transport.sent.map(scopeRegion)).toEqual(["eu-west-1", "eu-west-1"]);
    await transport.close();
  });
});
