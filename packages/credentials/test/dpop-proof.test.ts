import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDpopProof, loadDpopKey } from "../src/node/dpop-proof.js";

const NOW = Date.parse("2026-03-01T12:00:00.999Z");
const decode = (part = ""): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

function p256() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, publicKey, sec1: privateKey.export({ format: "pem", type: "sec1" }).toString() };
}

describe("createDpopProof", () => {
  it("signs an ES256 JWT that the session's public key verifies (raw r||s, not DER)", () => {
    const { privateKey, publicKey } = p256();
    const url = new URL("https://us-east-1.signin.aws.amazon.com/v1/token?x=1#f");
    const proof = createDpopProof({ key: privateKey, method: "POST", url, now: NOW, jti: "id-1" });
    const [h, p, s = ""] = proof.split(".");
    const signature = Buffer.from(s, "base64url");
    expect(signature).toHaveLength(64);
    expect(
      verify("sha256", Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, signature),
    ).toBe(true);
    const jwk = publicKey.export({ format: "jwk" });
    expect(decode(h)).toEqual({
      alg: "ES256",
      typ: "dpop+jwt",
      jwk: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y },
    });
    expect(decode(p)).toEqual({
      jti: "id-1",
      htm: "POST",
      htu: "https://us-east-1.signin.aws.amazon.com/v1/token",
      iat: Math.floor(NOW / 1000),
    });
  });

  it("gives every proof its own jti", () => {
    const { privateKey } = p256();
    const url = new URL("http://127.0.0.1:1/v1/token");
    const jtis = new Set(
      Array.from(
        { length: 50 },
        () => decode(createDpopProof({ key: privateKey, method: "POST", url, now: NOW }).split(".")[1]).jti,
      ),
    );
    expect(jtis.size).toBe(50);
  });

  it("keeps a non-default port in htu", () => {
    const { privateKey } = p256();
    const url = new URL("http://127.0.0.1:8443/base/v1/token");
    const proof = createDpopProof({ key: privateKey, method: "POST", url, now: NOW });
    expect(decode(proof.split(".")[1]).htu).toBe("http://127.0.0.1:8443/base/v1/token");
  });
});

describe("loadDpopKey", () => {
  it("loads the CLI's SEC1 PEM and a PKCS#8 PEM of the same key", () => {
    const { privateKey, sec1 } = p256();
    const pkcs8 = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const want = createPublicKey(privateKey).export({ format: "jwk" });
    for (const pem of [sec1, pkcs8, sec1.trimEnd()]) {
      const key = loadDpopKey(pem);
      expect(key && createPublicKey(key).export({ format: "jwk" })).toEqual(want);
    }
  });

  it.each([
    [
      "a P-384 key",
      () =>
        generateKeyPairSync("ec", { namedCurve: "P-384" })
          .privateKey.export({ format: "pem", type: "sec1" })
          .toString(),
    ],
    [
      "an Ed25519 key",
      () => generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    ],
    ["a public key", () => p256().publicKey.export({ format: "pem", type: "spki" }).toString()],
    ["text", () => "not a key"],
    ["an empty PEM", () => "-----BEGIN EC PRIVATE KEY-----\n-----END EC PRIVATE KEY-----\n"],
  ])("refuses %s", (_name, pem) => {
    expect(loadDpopKey(pem())).toBeUndefined();
  });
});
