import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { HashBackend } from "./backend.js";

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? utf8ToBytes(data) : data;
}

/** Pure-JavaScript hashing: runs in browsers, workers, Deno, Bun and Node alike. */
export const nobleHash: HashBackend = {
  sha256Hex: (data) => bytesToHex(sha256(toBytes(data))),
  hmac: (key, data) => hmac(sha256, toBytes(key), utf8ToBytes(data)),
  hmacHex: (key, data) => bytesToHex(hmac(sha256, key, utf8ToBytes(data))),
};
