// getEksToken signs the cluster name into the token (`x-k8s-aws-id`). A name EKS could never
// have (empty, missing, a number, with a newline or a space) must fail at once, naming
// clusterName, rather than produce a token every cluster rejects.
import { describe, expect, it } from "vitest";
import { getEksToken, STSClient, STSClientError } from "../src/index.js";
import { CREDENTIALS } from "./support/client.js";

const unreachable = {
  send: async () => {
    throw new Error("the call reached the transport");
  },
  close: async () => {},
};
const client = new STSClient({ region: "us-east-1", credentials: CREDENTIALS, transport: unreachable });

describe("getEksToken's clusterName", () => {
  it.each<[string, unknown]>([
    ["empty", { clusterName: "" }],
    ["missing", {}],
    ["a number", { clusterName: 5 }],
    ["with a newline", { clusterName: "prod\nx-amz-date: 1" }],
    ["with a space", { clusterName: "my cluster" }],
    ["longer than 100 characters", { clusterName: "c".repeat(101) }],
    ["no options at all", undefined],
  ])("%s is a ClientError naming clusterName", async (_, options) => {
    const error = await getEksToken(client, options as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(STSClientError);
    expect((error as STSClientError).code).toBe("config");
    expect((error as Error).message).toMatch(/^getEksToken: clusterName must be an EKS cluster name or ID/);
  });

  it.each(["prod", "my_cluster-2", "0b5b1c4e-2d3f-4a5b-9c8d-7e6f5a4b3c2d", "c".repeat(100)])(
    "%s makes a token",
    async (clusterName) => {
      await expect(client.getEksToken({ clusterName })).resolves.toMatch(/^k8s-aws-v1\./);
    },
  );
});
