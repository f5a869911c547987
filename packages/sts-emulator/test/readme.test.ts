// The README's vitest example, kept runnable: only the import paths differ from the README.
import { STSClient } from "@lanyard/sts-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator } from "../src/index.js";
import { deployCredentials } from "./readme/deploy.js";

let sts: StsEmulator;
let client: STSClient;

beforeAll(async () => {
  sts = await StsEmulator.start();
  client = new STSClient({ region: sts.region, endpoint: sts.endpoint, credentials: sts.credentials });
});

afterAll(async () => {
  await client.close();
  await sts.close();
});

describe("deployCredentials", () => {
  it("returns working credentials of the deploy role, valid for 15 minutes", async () => {
    const credentials = await deployCredentials(client, "111122223333");
    const asDeploy = new STSClient({ region: sts.region, endpoint: sts.endpoint, credentials });
    const me = await asDeploy.getCallerIdentity();
    await asDeploy.close();
    expect(me.Arn).toBe("arn:aws:sts::111122223333:assumed-role/deploy/release");
    expect(credentials.expiration.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
  });

  it("passes on STS's answer to a bad account", async () => {
    await expect(deployCredentials(client, "prod")).rejects.toMatchObject({
      code: "ValidationError",
      message: "Request ARN is invalid",
    });
  });
});

describe("the README's fault injection example", () => {
  it("plays a throttle and a reset, then the answer, and records the three attempts", async () => {
    sts.program("flaky", { faults: ["throttle", "reset"] });
    const flaky = new STSClient({
      region: sts.region,
      endpoint: sts.endpoint,
      credentials: sts.credentials,
      userAgentAppId: "flaky",
    });
    const me = await flaky.getCallerIdentity();
    await flaky.close();
    expect(me.$metadata.attempts).toBe(3);
    expect(sts.requests("flaky").map((r) => r.outcome)).toEqual([400, "reset", 200]);
  });
});
