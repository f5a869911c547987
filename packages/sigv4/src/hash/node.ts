/// <reference types="node" />
import type { HashBackend } from "./backend.js";
import { nobleHash } from "./noble.js";

type NodeCrypto = typeof import("node:crypto");

/** node:crypto hashing: native code, several times faster than pure JavaScript on Node. */
export function nativeHash(crypto: NodeCrypto): HashBackend {
  // crypto.hash (one-shot, no Hash object) exists from Node 20.12; fall back to createHash before that.
  const oneShot = typeof crypto.hash === "function" ? crypto.hash : undefined;
  return {
    sha256Hex: oneShot
      ? (data) => oneShot("sha256", data, "hex")
      : (data) => crypto.createHash("sha256").update(data).digest("hex"),
    hmac: (key, data) => crypto.createHmac("sha256", key).update(data).digest(),
    hmacHex: (key, data) => crypto.createHmac("sha256", key).update(data).digest("hex"),
  };
}

export interface WarmUp {
  /** Hash operations run in JavaScript before the native backend loads. */
  operations: number;
  /** Longest input (string length or bytes) hashed in JavaScript; longer ones load the native backend. */
  maxLength: number;
}

/**
 * `javascript` for a process's first few small hash operations, then the native backend, loaded
 * on first need and kept. Loading node:crypto takes 3-4 ms on Node 20 and 8-12 ms on Node 24 (its
 * cipher, stream and argon2 modules load with it), more than @noble/hashes takes to sign a small
 * request: a one-shot process (an EKS token, a CLI call) signs once or twice, a server thousands
 * of times. A large input, a body to hash, goes native at once.
 */
export function warmingHash(
  javascript: HashBackend,
  loadNative: () => HashBackend,
  warmUp: WarmUp,
): HashBackend {
  let native: HashBackend | undefined;
  let left = warmUp.operations;
  const pick = (data: string | Uint8Array): HashBackend => {
    if (native === undefined && left > 0 && data.length <= warmUp.maxLength) {
      left--;
      return javascript;
    }
    native ??= loadNative();
    return native;
  };
  return {
    sha256Hex: (data) => pick(data).sha256Hex(data),
    hmac: (key, data) => pick(data).hmac(key, data),
    hmacHex: (key, data) => pick(data).hmacHex(key, data),
  };
}

/**
 * Node's backend. Sixteen operations cover two signatures with fresh signing keys (seven
 * operations each: two SHA-256s and five HMACs).
 */
export const nodeHash: HashBackend = /* @__PURE__ */ warmingHash(
  nobleHash,
  // Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
  () => nativeHash(process.getBuiltinModule("node:crypto")),
  { operations: 16, maxLength: 4096 },
);
