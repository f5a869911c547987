import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCaPathRejected } from "../../http/test/ca-path-rejection.js";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { UndiciTransport } from "../src/index.js";

let server: Server;
let url: URL;
let cert: string;
beforeAll(async () => {
  const tls = await loopbackCertificate();
  cert = tls.cert;
  server = createServer(tls, (_req, res) => res.end("secure"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function fetchText(transport: UndiciTransport): Promise<string> {
  try {
    return new TextDecoder().decode((await transport.send({ method: "GET", url, headers: {} })).body);
  } finally {
    await transport.close();
  }
}

describe("UndiciTransport TLS", () => {
  it("trusts a server certificate issued by tls.ca", async () => {
    expect(await fetchText(new UndiciTransport({ tls: { ca: cert } }))).toBe("secure");
  });

  it("fails with code tls when the certificate is not trusted", async () => {
    await expect(fetchText(new UndiciTransport())).rejects.toMatchObject({ code: "tls" });
  });

  it("connects without verification when rejectUnauthorized is false", async () => {
    expect(await fetchText(new UndiciTransport({ tls: { rejectUnauthorized: false } }))).toBe("secure");
  });

  it("fails at construction with code tls when tls.ca is a path instead of PEM text, without echoing it", () => {
    for (const proxy of [false, "http://127.0.0.1:9"] as const) {
      expectCaPathRejected((ca) => new UndiciTransport({ proxy, tls: { ca } }), cert);
    }
  });
});
