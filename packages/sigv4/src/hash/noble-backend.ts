import type { sha256 as Sha256 } from "@noble/hashes/sha2";
import type { HashBackend } from "./backend.js";
import { toHex } from "./hex.js";

/** SHA-256's block size in bytes. */
const BLOCK = 64;

/** The pure-JavaScript backend: HMAC (RFC 2104) written over noble's `sha256`, bound in hash/noble.ts. */
export function nobleBackend(sha256: typeof Sha256): HashBackend {
  /**
   * HMAC-SHA256 (RFC 2104): H((K ^ opad) || H((K ^ ipad) || message)), K zero-padded to one block.
   * Written over noble's sha256 instead of importing noble's generic `hmac` and hex/UTF-8 helpers:
   * ~1.5 KB less in a minified bundle.
   */
  function hmac(key: Uint8Array | string, message: string): Uint8Array {
    const bytes = typeof key === "string" ? new TextEncoder().encode(key) : key;
    const padded = new Uint8Array(BLOCK);
    padded.set(bytes.length > BLOCK ? sha256(bytes) : bytes);
    const inner = sha256
      .create()
      .update(padded.map((b) => b ^ 0x36))
      .update(message)
      .digest();
    return sha256
      .create()
      .update(padded.map((b) => b ^ 0x5c))
      .update(inner)
      .digest();
  }
  return {
    // noble's sha256 and its update() take a string (as UTF-8) or bytes.
    sha256Hex: (data) => toHex(sha256(data)),
    hmac,
    hmacHex: (key, data) => toHex(hmac(key, data)),
  };
}
