import type { KeyObject } from "node:crypto";

// Node built-ins load through process.getBuiltinModule, not `import`; node:crypto on first use,
// since a client that never signs in this way should not pay to load it (CONTRIBUTING.md, "Node built-ins").
const nodeCrypto = () => process.getBuiltinModule("node:crypto");

/**
 * Loads the cached DPoP key; undefined unless it is a P-256 private key in PEM (SEC1 as the
 * CLI writes it, or PKCS#8). The crypto error is dropped: it would say nothing useful and
 * must never carry key material into a message.
 */
export function loadDpopKey(pem: string): KeyObject | undefined {
  try {
    const key = nodeCrypto().createPrivateKey({ key: pem, format: "pem" });
    const ok = key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1";
    return ok ? key : undefined;
  } catch {
    return undefined;
  }
}

export interface DpopProofInput {
  key: KeyObject;
  method: string;
  /** The request URL; the proof names it without query or fragment (RFC 9449 §4.2 `htu`). */
  url: URL;
  /** Epoch milliseconds. */
  now: number;
  /** Unique per proof; defaults to a random UUID. */
  jti?: string;
}

const base64url = (value: string | Uint8Array): string => Buffer.from(value).toString("base64url");

/**
 * A DPoP proof (RFC 9449): a JWT signed ES256 with the session's key, whose header carries the
 * public key as a JWK. The claims are those the SDKs send to the sign-in token endpoint
 * (aws-sdk-js-v3 `LoginCredentialsFetcher.generateDpop`, botocore `_build_dpop_header`):
 * jti, htm, htu, iat (seconds). ES256 signatures are the raw 64-byte r‖s, not DER.
 */
export function createDpopProof(input: DpopProofInput): string {
  const { x, y } = nodeCrypto().createPublicKey(input.key).export({ format: "jwk" });
  const header = { alg: "ES256", typ: "dpop+jwt", jwk: { kty: "EC", crv: "P-256", x, y } };
  const payload = {
    jti: input.jti ?? nodeCrypto().randomUUID(),
    htm: input.method,
    htu: `${input.url.origin}${input.url.pathname}`,
    iat: Math.floor(input.now / 1000),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = nodeCrypto().sign("sha256", Buffer.from(signingInput), {
    key: input.key,
    dsaEncoding: "ieee-p1363",
  });
  return `${signingInput}.${base64url(signature)}`;
}
