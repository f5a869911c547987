import { createSecureServer, type Http2SecureServer } from "node:http2";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCaPathRejected } from "../../http/test/ca-path-rejection.js";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { Http2Transport, type Http2TransportOptions } from "../src/index.js";

/** A TLS server that asks for a client certificate and trusts only `client`'s. */
let server: Http2SecureServer;
let url: URL;
let serverCert: string;
let client: { cert: string; key: string };
beforeAll(async () => {
  const serverIdentity = await loopbackCertificate();
  serverCert = serverIdentity.cert;
  client = await loopbackCertificate();
  server = createSecureServer({
    ...serverIdentity,
    ca: client.cert,
    requestCert: true,
    rejectUnauthorized: true,
  });
  server.on("stream", (stream) => {
    const authorized = (stream.session?.socket as TLSSocket | undefined)?.authorized === true;
    stream.respond({ ":status": 200 });
    stream.end(authorized ? "client trusted" : "client unverified");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function fetchText(options: Http2TransportOptions): Promise<string> {
  const transport = new Http2Transport(options);
  try {
    return new TextDecoder().decode((await transport.send({ method: "GET", url, headers: {} })).body);
  } finally {
    await transport.close();
  }
}

describe("Http2Transport TLS", () => {
  it("presents tls.cert and tls.key to a server that asks for a client certificate", async () => {
    expect(await fetchText({ tls: { ca: serverCert, cert: client.cert, key: client.key } })).toBe(
      "client trusted",
    );
  });

  it("is refused by that server without a client certificate", async () => {
    const error = await fetchText({ tls: { ca: serverCert } }).catch((caught: unknown) => caught);
    // TLS 1.3 refuses a client after its handshake completes: the alert usually arrives first, but
    // a reset of the connection can beat it.
    expect(["tls", "connection-reset"]).toContain((error as { code?: unknown }).code);
  });

  it("fails at construction with code tls when tls.ca is a path instead of PEM text, without echoing it", () => {
    expectCaPathRejected((ca) => new Http2Transport({ tls: { ca } }), serverCert);
  });
});
