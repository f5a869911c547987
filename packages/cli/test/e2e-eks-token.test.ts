// `lanyard eks-token`, run as kubectl runs an exec credential plugin.
import { describe, expect, it } from "vitest";
import { BASE_KEY, BASE_SECRET } from "./support/cli.js";
import { ROLE_ARN } from "./support/profiles.js";
import { useCliWorld } from "./support/world.js";

const ENV_KEYS = { AWS_ACCESS_KEY_ID: BASE_KEY, AWS_SECRET_ACCESS_KEY: BASE_SECRET, AWS_REGION: "us-east-1" };

const world = useCliWorld();
const { sts } = world;

interface ExecCredential {
  kind: string;
  apiVersion: string;
  spec: object;
  status: { expirationTimestamp: string; token: string };
}

/** The presigned URL inside a `k8s-aws-v1.` token. */
function tokenUrl(token: string): URL {
  expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/); // base64url without padding
  return new URL(Buffer.from(token.slice("k8s-aws-v1.".length), "base64url").toString("utf8"));
}

describe("lanyard eks-token", () => {
  it("prints the ExecCredential JSON of `aws eks get-token`, byte for byte in its layout", async () => {
    const before = Date.now();
    const result = await world.home.run(["eks-token", "--cluster", "prod"], { env: ENV_KEYS });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^\{\n {4}"kind": "ExecCredential",\n {4}"apiVersion": "client\.authentication\.k8s\.io\/v1beta1",\n {4}"spec": \{\},\n {4}"status": \{\n {8}"expirationTimestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",\n {8}"token": "k8s-aws-v1\.[A-Za-z0-9_-]+"\n {4}\}\n\}\n\n$/,
    );
    const credential = JSON.parse(result.stdout) as ExecCredential;
    const expires = Date.parse(credential.status.expirationTimestamp);
    // 14 minutes after the run, at second precision.
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 14 * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 14 * 60_000);
    expect(sts.requests).toEqual([]); // a presigned URL needs no call
  });

  it("signs GetCallerIdentity for 60 seconds with x-k8s-aws-id, for the Region's STS endpoint", async () => {
    const result = await world.home.run(["eks-token", "--cluster", "prod", "--region", "eu-west-1"], {
      env: ENV_KEYS,
    });
    const url = tokenUrl((JSON.parse(result.stdout) as ExecCredential).status.token);
    expect(url.origin).toBe("https://sts.eu-west-1.amazonaws.com");
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      Action: "GetCallerIdentity",
      Version: "2011-06-15",
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Expires": "60",
      "X-Amz-SignedHeaders": "host;x-k8s-aws-id",
    });
    expect(query["X-Amz-Credential"]).toMatch(new RegExp(`^${BASE_KEY}/\\d{8}/eu-west-1/sts/aws4_request$`));
    expect(query["X-Amz-Signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(query["X-Amz-Security-Token"]).toBeUndefined();
  });

  it("carries the session token of temporary credentials", async () => {
    const result = await world.home.run(["eks-token", "--cluster", "prod"], {
      env: { ...ENV_KEYS, AWS_SESSION_TOKEN: "FwoGZXIvYXdzEXAMPLE" },
    });
    const url = tokenUrl((JSON.parse(result.stdout) as ExecCredential).status.token);
    expect(url.searchParams.get("X-Amz-Security-Token")).toBe("FwoGZXIvYXdzEXAMPLE");
  });

  it("answers the apiVersion kubectl names in KUBERNETES_EXEC_INFO", async () => {
    const info = (apiVersion: string) =>
      JSON.stringify({ kind: "ExecCredential", apiVersion, spec: { interactive: false } });
    const v1 = await world.home.run(["eks-token", "--cluster", "prod"], {
      env: { ...ENV_KEYS, KUBERNETES_EXEC_INFO: info("client.authentication.k8s.io/v1") },
    });
    expect((JSON.parse(v1.stdout) as ExecCredential).apiVersion).toBe("client.authentication.k8s.io/v1");
    expect(v1.stderr).toBe("");
    const alpha = await world.home.run(["eks-token", "--cluster", "prod"], {
      env: { ...ENV_KEYS, KUBERNETES_EXEC_INFO: info("client.authentication.k8s.io/v1alpha1") },
    });
    expect((JSON.parse(alpha.stdout) as ExecCredential).apiVersion).toBe(
      "client.authentication.k8s.io/v1alpha1",
    );
    expect(alpha.stderr).toMatch(/^lanyard: warning: .*deprecated/);
  });

  it("with --role-arn assumes the role as `aws eks get-token` does and signs with its credentials", async () => {
    const result = await world.home.run(
      ["eks-token", "--cluster", "prod", "--role-arn", ROLE_ARN, "--endpoint-url", sts.url],
      {
        env: ENV_KEYS,
      },
    );
    expect(result.code).toBe(0);
    const [call] = sts.calls("AssumeRole");
    expect(sts.requests).toHaveLength(1);
    expect(call?.form).toMatchObject({ RoleArn: ROLE_ARN, RoleSessionName: "EKSGetTokenAuth" });
    expect(call?.auth?.accessKeyId).toBe(BASE_KEY);
    const url = tokenUrl((JSON.parse(result.stdout) as ExecCredential).status.token);
    expect(url.origin).toBe(sts.url);
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^ASIAROLE\d+\//);
    expect(url.searchParams.get("X-Amz-Security-Token")).toMatch(/^roleSessionToken/);
  });

  it("with --role-arn assumes the role with a profile's credentials, in the profile's Region, as lanyard-cli", async () => {
    const result = await world.home.run([
      "eks-token",
      "--cluster",
      "prod",
      "--profile",
      "regional",
      "--role-arn",
      "arn:aws:iam::123456789012:role/eks",
      "--endpoint-url",
      sts.url,
    ]);
    expect(result.code).toBe(0);
    // The profile's own role first, then --role-arn with its credentials: one call each.
    const [profileRole, eksRole] = sts.calls("AssumeRole");
    expect(sts.requests).toHaveLength(2);
    expect(profileRole?.auth?.accessKeyId).toBe(BASE_KEY);
    expect(eksRole?.form).toMatchObject({
      RoleArn: "arn:aws:iam::123456789012:role/eks",
      RoleSessionName: "EKSGetTokenAuth",
    });
    expect(eksRole?.auth?.accessKeyId).toMatch(/^ASIAROLE/);
    expect(eksRole?.auth?.region).toBe("eu-west-1");
    expect(eksRole?.headers["user-agent"]).toMatch(/app\/lanyard-cli/);
    const url = tokenUrl((JSON.parse(result.stdout) as ExecCredential).status.token);
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^ASIAROLE\d+\/\d{8}\/eu-west-1\//);
  });

  it("with --role-arn reports a refused AssumeRole as STS's answer, with status 1", async () => {
    sts.errors.AssumeRole = { status: 403, code: "AccessDenied", message: "not authorized to assume" };
    try {
      const result = await world.home.run(
        ["eks-token", "--cluster", "prod", "--role-arn", ROLE_ARN, "--endpoint-url", sts.url],
        { env: ENV_KEYS },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^lanyard: STS refused the call: AccessDenied: not authorized to assume/);
    } finally {
      delete sts.errors.AssumeRole;
    }
  });

  it("uses a role profile's credentials", async () => {
    const result = await world.home.run([
      "eks-token",
      "--cluster",
      "prod",
      "--profile",
      "regional",
      "--endpoint-url",
      sts.url,
    ]);
    expect(result.code).toBe(0);
    const url = tokenUrl((JSON.parse(result.stdout) as ExecCredential).status.token);
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(
      /^ASIAROLE\d+\/\d{8}\/eu-west-1\/sts\/aws4_request$/,
    );
  });
});
