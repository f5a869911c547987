import { createRetryStrategy } from "@lanyard/retry";
import { STSClient, type STSClientConfig } from "../../src/index.js";

export const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "SESSIONTOKENEXAMPLE",
};

/** A client pointed at a loopback server, retrying without real sleeps. */
export function testClient(url: string, config: STSClientConfig = {}): STSClient {
  return new STSClient({
    region: "us-east-1",
    endpoint: url,
    credentials: CREDENTIALS,
    retryStrategy: createRetryStrategy({ maxAttempts: 3, sleep: async () => {}, random: () => 0 }),
    ...config,
  });
}
