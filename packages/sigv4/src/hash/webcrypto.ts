import { SigV4Error } from "../errors.js";
import { toHex } from "./hex.js";

// WebCrypto (W3C Web Cryptography API): native SHA-256 and HMAC in browsers, workers, Deno, Bun
// and Node ≥ 20 at no bundle cost, but every call is async.

const HMAC = { name: "HMAC", hash: "SHA-256" } as const;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `globalThis.crypto.subtle`, read at call time; missing in insecure (http:) browser contexts. */
export function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined) {
    throw new SigV4Error(
      "webcrypto-unavailable",
      "signAsync needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks (browsers " +
        "offer it only in secure contexts: https or localhost): use sign, which hashes in JavaScript.",
    );
  }
  return subtle;
}

/** Lower-case hex SHA-256 of a UTF-8 string or of bytes. */
export async function sha256Hex(subtle: SubtleCrypto, data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? utf8(data) : data;
  return toHex(new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)));
}

/** An HMAC-SHA256 key for `sign`, from raw bytes or a UTF-8 string. */
export function hmacKey(subtle: SubtleCrypto, key: Uint8Array | string): Promise<CryptoKey> {
  const bytes = typeof key === "string" ? utf8(key) : key;
  return subtle.importKey("raw", bytes as Uint8Array<ArrayBuffer>, HMAC, false, ["sign"]);
}

/** HMAC-SHA256 of a UTF-8 string, as bytes. */
export async function hmac(subtle: SubtleCrypto, key: CryptoKey, data: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle.sign("HMAC", key, utf8(data) as Uint8Array<ArrayBuffer>));
}

/** kSigning as an HMAC key (the derivation of signing-key.ts, one await per step). */
export async function deriveSigningCryptoKey(
  subtle: SubtleCrypto,
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<CryptoKey> {
  let key = await hmacKey(subtle, `AWS4${secretAccessKey}`);
  for (const part of [shortDate, region, service, "aws4_request"]) {
    key = await hmacKey(subtle, await hmac(subtle, key, part));
  }
  return key;
}
