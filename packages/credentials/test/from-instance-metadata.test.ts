import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { defaultChain, fromInstanceMetadata } from "../src/node/index.js";
import { AKID, FUTURE, json, type Loopback, loopback, rejection, SECRET, TOKEN } from "./helpers.js";

const DOC = {
  Code: "Success",
  Type: "AWS-HMAC",
  AccessKeyId: AKID,
  SecretAccessKey: SECRET,
  Token: TOKEN,
  Expiration: FUTURE,
};
const SESSION = "imds-session-token";

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An IMDS stand-in: `tokenStatus` answers the PUT; GETs need the token unless `v1` is allowed. */
function imds(tokenStatus: number, v1: boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "PUT" && req.url === "/latest/api/token") {
      if (req.headers["x-aws-ec2-metadata-token-ttl-seconds"] !== "21600") return json(res, 400, "ttl");
      return tokenStatus === 200 ? json(res, 200, SESSION) : json(res, tokenStatus, "");
    }
    const authorized = req.headers["x-aws-ec2-metadata-token"] === SESSION || v1;
    if (!authorized) return json(res, 401, "");
    if (req.url === "/latest/meta-data/iam/security-credentials/") return json(res, 200, "my-role\n");
    if (req.url === "/latest/meta-data/iam/security-credentials/my-role") return json(res, 200, DOC);
    return json(res, 404, "");
  };
}

describe("fromInstanceMetadata", () => {
  it("uses the IMDSv2 token flow", async () => {
    server = await loopback(imds(200, false));
    const creds = await fromInstanceMetadata({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url } })();
    expect(creds).toEqual({
      accessKeyId: AKID,
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      expiration: new Date(FUTURE),
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "PUT /latest/api/token",
      "GET /latest/meta-data/iam/security-credentials/",
      "GET /latest/meta-data/iam/security-credentials/my-role",
    ]);
    expect(server.requests[2]?.headers["x-aws-ec2-metadata-token"]).toBe(SESSION);
  });

  it.each([403, 404, 405])("falls back to IMDSv1 when the token request answers %i", async (status) => {
    server = await loopback(imds(status, true));
    const creds = await fromInstanceMetadata({ endpoint: server.url, env: {} })();
    expect(creds.accessKeyId).toBe(AKID);
    expect(server.requests[1]?.headers["x-aws-ec2-metadata-token"]).toBeUndefined();
  });

  it("treats a 400 on the token request as an error", async () => {
    server = await loopback(imds(400, true));
    await expect(fromInstanceMetadata({ endpoint: server.url, env: {} })()).rejects.toThrow(/HTTP 400/);
    expect(server.requests).toHaveLength(1);
  });

  it("refuses the v1 fallback when AWS_EC2_METADATA_V1_DISABLED is true", async () => {
    server = await loopback(imds(403, true));
    const env = { AWS_EC2_METADATA_V1_DISABLED: "true" };
    await expect(fromInstanceMetadata({ endpoint: server.url, env })()).rejects.toThrow(/IMDSv1 is disabled/);
  });

  it("reads AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE in any case, as the chain does", async () => {
    const refused = await fromInstanceMetadata({
      env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "ipv6" },
      timeoutMs: 50,
    })().catch((e: Error) => e);
    // Nothing answers the IPv6 address here; the failure names the endpoint that was tried.
    expect(refused).toMatchObject({ code: "http-failed" });
    expect((refused as Error).message).toContain("http://[fd00:ec2::254]");
  });

  it.each([
    ["AWS_EC2_METADATA_V1_DISABLED", "yes"],
    ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5"],
  ])("rejects %s=%s before any request, as the chain does", async (variable, value) => {
    server = await loopback(imds(403, true));
    const env = { [variable]: value, AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url };
    const alone = await rejection(fromInstanceMetadata({ env })());
    const inChain = await rejection(defaultChain({ env, homedir: "/nonexistent-home" })());
    expect(alone).toMatchObject({ code: "invalid-config", tryNext: true });
    expect(alone.message).toContain(variable);
    expect(alone.message).not.toContain(value);
    expect(inChain.message).toContain(alone.message);
    expect(server.requests).toHaveLength(0);
  });

  it("falls back to IMDSv1 when the token request times out", async () => {
    server = await loopback((req, res) => {
      if (req.method === "PUT") return; // never answers
      imds(200, true)(req, res);
    });
    // One timeout covers the hanging PUT and the GETs that must succeed, so it is the SDKs'
    // default second rather than something tight that a busy machine could miss on the GETs.
    const creds = await fromInstanceMetadata({ endpoint: server.url, env: {}, timeoutMs: 1_000 })();
    expect(creds.accessKeyId).toBe(AKID);
  });

  it("does nothing when AWS_EC2_METADATA_DISABLED is true", async () => {
    server = await loopback(imds(200, false));
    const env = { AWS_EC2_METADATA_DISABLED: "true", AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url };
    await expect(fromInstanceMetadata({ env })()).rejects.toMatchObject({
      code: "metadata-disabled",
      tryNext: true,
    });
    expect(server.requests).toHaveLength(0);
  });

  it("moves on quickly when nothing listens at the endpoint", async () => {
    const closed = await loopback(() => {});
    const url = closed.url;
    await closed.close();
    const error = await fromInstanceMetadata({ endpoint: url, env: {}, timeoutMs: 200 })().catch(
      (e: Error) => e,
    );
    expect(error).toMatchObject({ code: "http-failed", tryNext: true });
  });

  it("reports an instance without a role", async () => {
    server = await loopback((req, res) => {
      if (req.method === "PUT") return json(res, 200, SESSION);
      return json(res, 200, "");
    });
    await expect(fromInstanceMetadata({ endpoint: server.url, env: {} })()).rejects.toThrow(/no IAM role/);
  });
});
