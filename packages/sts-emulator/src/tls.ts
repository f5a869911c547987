import { isIP } from "node:net";

export interface TlsMaterial {
  key: string;
  /** PEM certificate; a client trusts it by passing it as its CA. */
  cert: string;
}

/** Subject alternative names: loopback always, plus the host the emulator binds if it is specific. */
function altNames(host: string): { type: 2 | 7; value?: string; ip?: string }[] {
  const names: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: "localhost" },
    { type: 7, ip: "127.0.0.1" },
    { type: 7, ip: "::1" },
  ];
  if (["localhost", "127.0.0.1", "::1", "0.0.0.0", "::"].includes(host)) return names;
  return [...names, isIP(host) ? { type: 7, ip: host } : { type: 2, value: host }];
}

/** A short-lived self-signed certificate for loopback (and the bound host), made at start-up. */
export async function makeCertificate(host: string): Promise<TlsMaterial> {
  // Loaded on demand: selfsigned and its X.509 stack take a few hundred milliseconds to import,
  // which an emulator serving only HTTP/1.1 should not pay.
  const { generate } = await import("selfsigned");
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
  const notAfterDate = new Date(Date.now() + 24 * 60 * 60 * 1000);
  // EC P-256 keys generate in milliseconds where RSA-2048 takes a noticeable fraction of a second.
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "subjectAltName", altNames: altNames(host) },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
