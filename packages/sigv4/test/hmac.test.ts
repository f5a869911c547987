import * as crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { HashBackend } from "../src/hash/backend.js";
import { nobleHash } from "../src/hash/noble.js";
import { nativeHash, nodeHash, warmingHash } from "../src/hash/node.js";

const native = nativeHash(crypto);

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
    expect(hex(native.hmac(key, data))).toBe(mac);
    expect(hex(nodeHash.hmac(key, data))).toBe(mac);
    if (typeof key !== "string") expect(nobleHash.hmacHex(key, data)).toBe(mac);
    if (typeof key !== "string") expect(native.hmacHex(key, data)).toBe(mac);
  });

  it("hashes UTF-8 text and bytes alike", () => {
    const text = "ሴ€ and ASCII";
    expect(nobleHash.sha256Hex(text)).toBe(native.sha256Hex(text));
    expect(nobleHash.sha256Hex(new TextEncoder().encode(text))).toBe(native.sha256Hex(text));
    expect(hex(nobleHash.hmac("ключ", text))).toBe(hex(native.hmac("ключ", text)));
  });
});

describe("warmingHash: JavaScript for the first small operations, native after", () => {
  function counted(backend: HashBackend, calls: string[], name: string): HashBackend {
    return {
      sha256Hex: (data) => {
        calls.push(name);
        return backend.sha256Hex(data);
      },
      hmac: (key, data) => {
        calls.push(name);
        return backend.hmac(key, data);
      },
      hmacHex: (key, data) => {
        calls.push(name);
        return backend.hmacHex(key, data);
      },
    };
  }

  it("loads the native backend once, on the first operation past the warm-up, and keeps it", () => {
    const calls: string[] = [];
    let loads = 0;
    const hash = warmingHash(
      counted(nobleHash, calls, "js"),
      () => {
        loads++;
        return counted(native, calls, "native");
      },
      { operations: 3, maxLength: 64 },
    );
    expect(loads).toBe(0);
    const key = hash.hmac("key", "a");
    hash.sha256Hex("b");
    hash.hmacHex(key, "c");
    expect(loads).toBe(0);
    expect(hash.sha256Hex("d")).toBe(native.sha256Hex("d"));
    hash.hmac(key, "e");
    expect(calls).toEqual(["js", "js", "js", "native", "native"]);
    expect(loads).toBe(1);
  });

  it("hashes a large input natively at once, and stays native", () => {
    const calls: string[] = [];
    const hash = warmingHash(counted(nobleHash, calls, "js"), () => counted(native, calls, "native"), {
      operations: 10,
      maxLength: 8,
    });
    hash.sha256Hex("short");
    hash.sha256Hex(new Uint8Array(9));
    hash.sha256Hex("short");
    expect(calls).toEqual(["js", "native", "native"]);
  });

  it("gives the same answers whichever backend runs", () => {
    const text = "a signature's string to sign";
    const expected = [
      native.sha256Hex(text),
      hex(native.hmac("k", text)),
      native.hmacHex(native.hmac("k", "x"), text),
    ];
    for (const operations of [0, 1, 2, 3]) {
      const hash = warmingHash(nobleHash, () => native, { operations, maxLength: 4096 });
      expect([
        hash.sha256Hex(text),
        hex(hash.hmac("k", text)),
        hash.hmacHex(hash.hmac("k", "x"), text),
      ]).toEqual(expected);
    }
  });
});
