import { describe, expect, it } from "vitest";
import { STSClient } from "../src/index.js";
import { CREDENTIALS } from "./support/client.js";

const client = new STSClient({ region: "us-west-2", credentials: CREDENTIALS });
const date = new Date("2024-01-02T03:04:05Z");

describe("presigning", () => {
  it("presigns GetCallerIdentity with the given expiry and headers", async () => {
    const url = await client.presignGetCallerIdentity({ expiresIn: 300, headers: { "x-extra": "1" }, date });
    expect(url.origin).toBe("https://sts.us-west-2.amazonaws.com");
    expect(url.searchParams.get("Action")).toBe("GetCallerIdentity");
    expect(url.searchParams.get("Version")).toBe("2011-06-15");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("X-Amz-Date")).toBe("20240102T030405Z");
    expect(url.searchParams.get("X-Amz-Credential")).toBe("AKIDEXAMPLE/20240102/us-west-2/sts/aws4_request");
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("host;x-extra");
    expect(url.href).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it("produces the signature @smithy/signature-v4 gives for the same request", async () => {
    const url = await client.presignGetCallerIdentity({
      expiresIn: 300,
      headers: { "x-k8s-aws-id": "prod" },
      date,
    });
    expect(url.searchParams.get("X-Amz-Security-Token")).toBe(CREDENTIALS.sessionToken);
    // SignatureV4.presign (@smithy/signature-v4 5.7.5) on GET https://sts.us-west-2.amazonaws.com/
    // ?Action=GetCallerIdentity&Version=2011-06-15, headers host + x-k8s-aws-id, same date and keys.
    expect(url.searchParams.get("X-Amz-Signature")).toBe(
      "7aaab15eb4780ed1e18ba2b870910e721deaab924e3190c7d91ab146003395e9",
    );
  });

  it("makes an EKS token: k8s-aws-v1. + unpadded base64url of a 60 s URL signing x-k8s-aws-id", async () => {
    const token = await client.getEksToken({ clusterName: "prod-cluster", date });
    expect(token.startsWith("k8s-aws-v1.")).toBe(true);
    const encoded = token.slice("k8s-aws-v1.".length);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const url = new URL(Buffer.from(encoded, "base64url").toString("utf8"));
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("host;x-k8s-aws-id");
  });
});
