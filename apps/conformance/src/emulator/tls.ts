import { generate } from "selfsigned";

export interface TlsMaterial {
  key: string;
  /** PEM certificate; a client trusts it by passing it as its CA. */
  cert: string;
}

/** A short-lived self-signed certificate for 127.0.0.1 and localhost, made at start-up. */
export async function makeCertificate(): Promise<TlsMaterial> {
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
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
