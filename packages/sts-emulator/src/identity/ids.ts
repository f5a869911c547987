import { createHash, randomBytes } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding: the alphabet of AWS access key ids and unique ids. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? out + BASE32[(buffer << (5 - bits)) & 31] : out;
}

function fromBase32(text: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = (buffer << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 255);
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

// Access key ids made since 2019 carry their account: after the 4-letter prefix, 16 base32
// characters hold 10 bytes whose first 6, masked with 0x7fffffffff80 and shifted right by 7,
// are the account id (Tal Be'ery, "A short note on AWS KEY ID", 2023; what GetAccessKeyInfo
// answers without a lookup).
const ACCOUNT_MASK = 0x7fffffffff80n;
const MODERN_KEY = /^[A-Z]{4}[A-Z2-7]{16}$/;

/** A fresh access key id with `prefix` (`ASIA` for temporary keys) that encodes `account`. */
export function accessKeyIdFor(prefix: string, account: string): string {
  const bytes = randomBytes(10);
  let head = (BigInt(account) << 7n) | BigInt(bytes[5]! & 0x7f);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(head & 0xffn);
    head >>= 8n;
  }
  return prefix + base32(bytes);
}

/** The account an access key id of the modern format encodes, zero-padded to 12 digits. */
export function accountOfAccessKeyId(accessKeyId: string): string | undefined {
  if (!MODERN_KEY.test(accessKeyId)) return undefined;
  const bytes = fromBase32(accessKeyId.slice(4));
  let head = 0n;
  for (const byte of bytes.subarray(0, 6)) head = (head << 8n) | BigInt(byte);
  return ((head & ACCOUNT_MASK) >> 7n).toString().padStart(12, "0");
}

/** A stable unique id (`AIDA…` for users, `AROA…` for roles) derived from what it names, 21 characters. */
export function uniqueId(prefix: string, name: string): string {
  return prefix + base32(createHash("sha256").update(name).digest()).slice(0, 17);
}

/** 40 characters of base64, the shape of an AWS secret access key. */
export function secretAccessKey(): string {
  return randomBytes(30).toString("base64");
}

// Session tokens from STS today begin with this base64 text (a protobuf-like header); clients
// treat the token as opaque, so only the shape matters.
const TOKEN_PREFIX = "IQoJb3JpZ2luX2VjE";

export function sessionToken(): string {
  return TOKEN_PREFIX + randomBytes(384).toString("base64");
}
