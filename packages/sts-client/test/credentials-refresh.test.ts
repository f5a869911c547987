// The refresh behaviour of the STS credential providers against a real STS stand-in on
// 127.0.0.1 that hangs or answers 503 once the first credentials have been issued.
import type { CredentialProvider } from "@lanyard/credentials";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assumeRoleCredentials, type STSClientConfig, webIdentityCredentials } from "../src/index.js";
import { SOURCE } from "./support/credentials-sts.js";
import { errorXml, type StsServer, startStsServer, successXml } from "./support/sts-server.js";

const ROLE = "arn:aws:iam::123456789012:role/deploy";
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const START = Date.parse("2030-01-01T00:00:00Z");
const EXPIRATION = new Date(START + 60 * MINUTE);

/** The documented backoff: 1 s doubling to 60 s, jittered down to half at most. */
const shortestPause = (failures: number) => 0.5 * Math.min(60 * SECOND, SECOND * 2 ** (failures - 1));

function issued(action: string): string {
  return successXml(
    action,
    "<Credentials><AccessKeyId>ASIAFIRST</AccessKeyId><SecretAccessKey>first-secret</SecretAccessKey>" +
      `<SessionToken>first-token</SessionToken><Expiration>${EXPIRATION.toISOString()}</Expiration></Credentials>` +
      "<AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId>" +
      "<Arn>arn:aws:sts::123456789012:assumed-role/deploy/s</Arn></AssumedRoleUser>",
  );
}

let server: StsServer;
let now: number;
let clientConfig: STSClientConfig;

beforeEach(async () => {
  server = await startStsServer();
  now = START;
  clientConfig = { region: "us-east-1", endpoint: server.url, maxAttempts: 1 };
});
afterEach(() => server.close());

const providers: [string, string, () => CredentialProvider][] = [
  [
    "assumeRoleCredentials",
    "AssumeRole",
    () => assumeRoleCredentials({ roleArn: ROLE, sourceCredentials: SOURCE, clientConfig, now: () => now }),
  ],
  [
    "assumeRoleCredentials with refreshWindowMs (the advisory window) of 15 minutes",
    "AssumeRole",
    () =>
      assumeRoleCredentials({
        roleArn: ROLE,
        sourceCredentials: SOURCE,
        clientConfig,
        refreshWindowMs: 15 * MINUTE,
        now: () => now,
      }),
  ],
  [
    "webIdentityCredentials",
    "AssumeRoleWithWebIdentity",
    () => webIdentityCredentials({ roleArn: ROLE, token: "oidc", env: {}, clientConfig, now: () => now }),
  ],
];

/** 50 resolves, half concurrent and half one after the other; each must give the first credentials. */
async function fiftyResolves(provider: CredentialProvider): Promise<void> {
  const all = await Promise.all(Array.from({ length: 25 }, () => provider()));
  for (let i = 0; i < 25; i++) all.push(await provider());
  expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(["ASIAFIRST"]));
}

describe.each(providers)("%s inside the advisory window", (_name, action, make) => {
  it("returns the old credentials at once while STS hangs, with one STS request in flight", async () => {
    const provider = make();
    server.setHandler(() => ({ body: issued(action) }));
    await provider();
    let release!: () => void;
    const hung = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.setHandler(async () => {
      await hung;
      return { status: 503, body: errorXml("ServiceUnavailable", "down", "e-1", "Receiver") };
    });
    now = START + 50 * MINUTE; // 10 minutes left: inside the default 15-minute advisory window
    // If callers waited for the refresh, these would not settle until STS answers.
    const waited = Symbol("waited for STS");
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      fiftyResolves(provider),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(waited), 10 * SECOND);
      }),
    ]);
    clearTimeout(timer);
    expect(outcome).not.toBe(waited);
    await expect.poll(() => server.requests.length).toBe(2);
    await fiftyResolves(provider);
    expect(server.requests).toHaveLength(2);
    release();
  }, 20_000);

  it("answers 503: the old credentials keep coming and STS sees at most one request per backoff period", async () => {
    const provider = make();
    server.setHandler(() => ({ body: issued(action) }));
    await provider();
    const arrivals: number[] = [];
    server.setHandler(() => {
      arrivals.push(now);
      return { status: 503, body: errorXml("ServiceUnavailable", "down", "e-1", "Receiver") };
    });
    // Five simulated minutes, one step a second, from 14 to 9 minutes before expiry.
    for (let step = 0; step < 300; step++) {
      now = START + 46 * MINUTE + step * SECOND;
      await fiftyResolves(provider);
      await new Promise((resolve) => setTimeout(resolve, 2)); // lets the loopback exchange run
    }
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < arrivals.length; i++) {
      expect((arrivals[i] as number) - (arrivals[i - 1] as number)).toBeGreaterThanOrEqual(shortestPause(i));
    }
  }, 60_000);
});
