/// <reference types="node" />
import type { HashBackend } from "./backend.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const crypto = process.getBuiltinModule("node:crypto");

// crypto.hash (one-shot, no Hash object) exists from Node 20.12; fall back to createHash before that.
const oneShot = typeof crypto.hash === "function" ? crypto.hash : undefined;

/** node:crypto hashing: native code, several times faster than pure JavaScript on Node. */
export const nodeHash: HashBackend = {
  sha256Hex: oneShot
    ? (data) => oneShot("sha256", data, "hex")
    : (data) => crypto.createHash("sha256").update(data).digest("hex"),
  hmac: (key, data) => crypto.createHmac("sha256", key).update(data).digest(),
  hmacHex: (key, data) => crypto.createHmac("sha256", key).update(data).digest("hex"),
};
