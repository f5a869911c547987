import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRequest } from "@lanyard/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHash } from "../src/hash/node.js";
import { parseAmzDate, parseAuthorization } from "../src/index.js";
import { bindings } from "./support/bindings.js";

const sigv4 = bindings(nodeHash);
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

async function received(req: IncomingMessage, origin: string): Promise<HttpRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return {
    method: req.method ?? "GET",
    url: new URL(req.url ?? "/", origin),
    headers,
    body: Buffer.concat(chunks),
  };
}

/** What a service does: recompute the signature from what arrived and compare. */
function verifies(request: HttpRequest): boolean {
  const presigned = request.url.searchParams.get("X-Amz-Signature");
  if (presigned !== null) {
    const [, , region = "", service = ""] = (request.url.searchParams.get("X-Amz-Credential") ?? "").split(
      "/",
    );
    const details = sigv4.presignDetails(request, {
      credentials,
      region,
      service,
      date: parseAmzDate(request.url.searchParams.get("X-Amz-Date") ?? ""),
      expiresIn: Number(request.url.searchParams.get("X-Amz-Expires")),
      signedHeaders: (request.url.searchParams.get("X-Amz-SignedHeaders") ?? "").split(";"),
    });
    return details.signature === presigned;
  }
  const auth = parseAuthorization(request.headers.authorization ?? "");
  const { region, service, signedHeaders } = auth;
  return (
    sigv4.signatureDetails(request, { credentials, region, service, signedHeaders }).signature ===
    auth.signature
  );
}

describe("against a verifying loopback server", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received(req, origin).then(
        (request) => res.writeHead(verifies(request) ? 200 : 403).end(),
        () => res.writeHead(400).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("accepts a signed POST sent with fetch, port and all", async () => {
    const body = "Action=GetCallerIdentity&Version=2011-06-15";
    const signed = sigv4.sign(
      {
        method: "POST",
        url: new URL(`${origin}/?Version=2011-06-15`),
        headers: {
          "content-type": "application/x-www-form-urlencoded; charset=utf-8",
          "user-agent": "lanyard",
        },
        body,
      },
      { credentials, region: "us-east-1", service: "sts" },
    );
    const response = await fetch(signed.url, { method: signed.method, headers: signed.headers, body });
    expect(response.status).toBe(200);
  });

  it("rejects a request whose body changed after signing", async () => {
    const signed = sigv4.sign(
      { method: "POST", url: new URL(`${origin}/`), headers: {}, body: "Action=GetCallerIdentity" },
      { credentials, region: "us-east-1", service: "sts" },
    );
    const response = await fetch(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: "Action=AssumeRole",
    });
    expect(response.status).toBe(403);
  });

  it("accepts a presigned GET URL", async () => {
    const url = sigv4.presign(
      { method: "GET", url: new URL(`${origin}/?Action=GetCallerIdentity&Version=2011-06-15`), headers: {} },
      { credentials, region: "us-east-1", service: "sts", expiresIn: 60 },
    );
    expect((await fetch(url)).status).toBe(200);
  });
});
