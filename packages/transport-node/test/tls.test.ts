import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectCaPathRejected } from "../../http/test/ca-path-rejection.js";
import { type LoopbackCertificate, loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { NodeHttpTransport, type NodeHttpTransportOptions, readCaBundle } from "../src/index.js";

let server: Server;
let url: URL;
let certificate: LoopbackCertificate;
let folder: string;
beforeAll(async () => {
  certificate = await loopbackCertificate();
  server = createServer(certificate, (_req, res) => res.end("secure"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/?X-Amz-Signature=secret`);
  folder = mkdtempSync(join(tmpdir(), "transport-node-"));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

async function fetchText(options: NodeHttpTransportOptions): Promise<string> {
  const transport = new NodeHttpTransport({ proxy: false, ...options });
  try {
    return new TextDecoder().decode((await transport.send({ method: "GET", url, headers: {} })).body);
  } finally {
    await transport.close();
  }
}

describe("NodeHttpTransport TLS", () => {
  it("parses a CA bundle only when the first https connection needs it", async () => {
    const tls = process.getBuiltinModule("node:tls");
    const parse = vi.spyOn(tls, "createSecureContext");
    const plain = createHttpServer((_req, res) => res.end("plain"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const transport = new NodeHttpTransport({ proxy: false, tls: { ca: certificate.cert } });
    try {
      const plainUrl = new URL(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/`);
      await transport.send({ method: "GET", url: plainUrl, headers: {} });
      expect(parse).not.toHaveBeenCalled();
      await transport.send({ method: "GET", url, headers: {} });
      await transport.send({ method: "GET", url, headers: {} });
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
      await transport.close();
      plain.close();
    }
  });

  it("trusts a self-signed server certificate given as tls.ca", async () => {
    expect(await fetchText({ tls: { ca: certificate.cert } })).toBe("secure");
  });

  it("rejects the same server with code tls when its certificate is not trusted", async () => {
    const error = await fetchText({}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "tls", origin: url.origin });
    expect((error as Error).message).not.toContain("secret");
  });

  it("replaces Node's roots with tls.ca: a bundle without the server's CA rejects it", async () => {
    const other = await loopbackCertificate();
    await expect(fetchText({ tls: { ca: other.cert } })).rejects.toMatchObject({ code: "tls" });
  });

  it("connects without verification when rejectUnauthorized is false", async () => {
    expect(await fetchText({ tls: { rejectUnauthorized: false } })).toBe("secure");
  });

  it("fails at construction with code tls when tls.ca is a path instead of PEM text, without echoing it", () => {
    expectCaPathRejected((ca) => new NodeHttpTransport({ tls: { ca } }), certificate.cert);
  });

  it("fails at construction with code tls when tls.cert is not usable PEM", () => {
    expect(() => new NodeHttpTransport({ tls: { cert: "-----BEGIN CERTIFICATE-----\nnope" } })).toThrow(
      expect.objectContaining({ code: "tls", message: expect.stringContaining("not usable PEM") }),
    );
  });
});

describe("readCaBundle", () => {
  it("reads a PEM bundle the transport can trust", async () => {
    const path = join(folder, "bundle.pem");
    writeFileSync(path, `# corporate roots\n${certificate.cert}`);
    expect(await fetchText({ tls: { ca: readCaBundle(path) } })).toBe("secure");
  });

  it("throws a TlsError naming the path when the file cannot be read", () => {
    const path = join(folder, "missing.pem");
    expect(() => readCaBundle(path)).toThrow(
      expect.objectContaining({
        name: "TlsError",
        code: "tls",
        message: expect.stringContaining(`cannot read the CA bundle ${path} (ENOENT)`),
      }),
    );
  });

  it("throws a TlsError naming the path when the file holds no certificate", () => {
    const path = join(folder, "key-only.pem");
    writeFileSync(path, certificate.key);
    expect(() => readCaBundle(path)).toThrow(
      expect.objectContaining({
        code: "tls",
        message: expect.stringContaining(`the CA bundle ${path} holds no PEM`),
      }),
    );
  });
});
