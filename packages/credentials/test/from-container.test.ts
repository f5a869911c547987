import { afterEach, describe, expect, it } from "vitest";
import { fromContainer, isAllowedContainerUrl } from "../src/node/index.js";
import {
  AKID,
  FUTURE,
  json,
  type Loopback,
  loopback,
  SECRET,
  type TempHome,
  TOKEN,
  tempHome,
} from "./helpers.js";

const DOC = {
  AccessKeyId: AKID,
  SecretAccessKey: SECRET,
  Token: TOKEN,
  Expiration: FUTURE,
  AccountId: "123456789012",
};

let server: Loopback | undefined;
let home: TempHome | undefined;
afterEach(async () => {
  await server?.close();
  await home?.remove();
  server = undefined;
  home = undefined;
});

describe("isAllowedContainerUrl", () => {
  it.each([
    "https://example.com/creds",
    "http://127.0.0.1:8080/x",
    "http://127.1.2.3/x",
    "http://localhost/x",
    "http://[::1]/x",
    "http://169.254.170.2/v2/credentials",
    "http://169.254.170.23/v1/credentials",
    "http://[fd00:ec2::23]/v1/credentials",
  ])("accepts %s", (url) => {
    expect(isAllowedContainerUrl(new URL(url))).toBe(true);
  });

  it.each([
    "http://example.com/x",
    "http://10.0.0.1/x",
    "http://128.0.0.1/x",
    "http://127.0.0.1.example.com/x",
    "ftp://127.0.0.1/x",
  ])("refuses %s", (url) => {
    expect(isAllowedContainerUrl(new URL(url))).toBe(false);
  });
});

describe("fromContainer", () => {
  it("fetches the FULL_URI with the authorization token", async () => {
    server = await loopback((_req, res) => json(res, 200, DOC));
    const env = {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: "Basic abc",
    };
    const creds = await fromContainer({ env })();
    expect(creds).toEqual({
      accessKeyId: AKID,
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      expiration: new Date(FUTURE),
      accountId: "123456789012",
    });
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/creds" });
    expect(server.requests[0]?.headers.authorization).toBe("Basic abc");
  });

  it("prefers the token file (EKS Pod Identity) over the token variable", async () => {
    server = await loopback((_req, res) => json(res, 200, DOC));
    home = await tempHome();
    const file = await home.write("eks-token", "pod-identity-token\n");
    await fromContainer({
      env: {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: "ignored",
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file,
      },
    })();
    expect(server.requests[0]?.headers.authorization).toBe("pod-identity-token");
  });

  it("refuses a plain-HTTP FULL_URI to a non-loopback host before any request", async () => {
    const error = await fromContainer({
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://192.0.2.1/creds" },
    })().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "url-not-allowed", tryNext: false });
  });

  it("moves on when no container variable is set", async () => {
    await expect(fromContainer({ env: {} })()).rejects.toMatchObject({
      code: "not-configured",
      tryNext: true,
    });
  });

  it("keeps a RELATIVE_URI on the ECS host, so the token never goes to another host", async () => {
    server = await loopback((_req, res) => json(res, 200, DOC));
    const authority = new URL(server.url).host;
    for (const relative of [`//${authority}/creds`, `${server.url}/creds`]) {
      const env = {
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: relative,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: TOKEN,
      };
      await expect(fromContainer({ env, timeoutMs: 50, maxRetries: 0 })()).rejects.toThrow(
        /169\.254\.170\.2/,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("retries a 5xx answer and then succeeds", async () => {
    let calls = 0;
    server = await loopback((_req, res) => (++calls < 3 ? json(res, 503, "busy") : json(res, 200, DOC)));
    const creds = await fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url } })();
    expect(creds.accessKeyId).toBe(AKID);
    expect(calls).toBe(3);
  });

  it("does not retry a 4xx answer", async () => {
    server = await loopback((_req, res) => json(res, 403, "no"));
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url };
    await expect(fromContainer({ env })()).rejects.toThrow(/HTTP 403/);
    expect(server.requests).toHaveLength(1);
  });

  it("times out an endpoint that never answers", async () => {
    server = await loopback(() => {});
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url };
    await expect(fromContainer({ env, timeoutMs: 100, maxRetries: 1 })()).rejects.toThrow(/within 100 ms/);
    expect(server.requests).toHaveLength(2);
  });

  it("does not echo a credential document that lacks fields", async () => {
    server = await loopback((_req, res) => json(res, 200, { SecretAccessKey: SECRET }));
    const error = await fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url } })().catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toMatch(/AccessKeyId is missing/);
    expect((error as Error).message).not.toContain(SECRET);
  });
});
