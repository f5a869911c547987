// Shared by every transport's tests (imported by relative path), so `selfsigned` stays a
// devDependency of this package and never reaches a published one's dependencies.
import { generate } from "selfsigned";

export interface LoopbackCertificate {
  cert: string;
  key: string;
}

/** A throwaway self-signed certificate for 127.0.0.1 and localhost; trust it by passing it as `tls.ca`. */
export async function loopbackCertificate(): Promise<LoopbackCertificate> {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    extensions: [
      { name: "basicConstraints", cA: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 7, ip: "127.0.0.1" },
          { type: 2, value: "localhost" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
