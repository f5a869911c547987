import { describe, expect, it } from "vitest";
import { nobleHash } from "../src/hash/noble.js";
import { nodeHash } from "../src/hash/node.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const BIG_KEY = new Uint8Array(131).fill(0xaa);

// RFC 4231 §4 HMAC-SHA-256 test cases with text data: 2 (short key), 6 and 7 (key longer than a block).
const CASES: [name: string, key: Uint8Array | string, data: string, mac: string][] = [
  [
    "case 2",
    "Jefe",
    "what do ya want for nothing?",
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  ],
  [
    "case 6",
    BIG_KEY,
    "Test Using Larger Than Block-Size Key - Hash Key First",
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  ],
  [
    "case 7",
    BIG_KEY,
    "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
  ],
];

describe("HMAC-SHA256 of both backends", () => {
  it.each(CASES)("matches RFC 4231 %s", (_, key, data, mac) => {
    expect(hex(nobleHash.hmac(key, data))).toBe(mac);
    expect(hex(nodeHash.hmac(key, data))).toBe(mac);
    if (typeof key !== "string") expect(nobleHash.hmacHex(key, data)).toBe(mac);
  });

  it("hashes UTF-8 text and bytes alike", () => {
    const text = "ሴ€ and ASCII";
    expect(nobleHash.sha256Hex(text)).toBe(nodeHash.sha256Hex(text));
    expect(nobleHash.sha256Hex(new TextEncoder().encode(text))).toBe(nodeHash.sha256Hex(text));
    expect(hex(nobleHash.hmac("ключ", text))).toBe(hex(nodeHash.hmac("ключ", text)));
  });
});
