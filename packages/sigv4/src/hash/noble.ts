import { sha256 } from "@noble/hashes/sha2";
import type { HashBackend } from "./backend.js";
import { nobleBackend } from "./noble-backend.js";

/** Pure-JavaScript hashing: runs in browsers, workers, Deno, Bun and Node alike. */
export const nobleHash: HashBackend = /* @__PURE__ */ nobleBackend(sha256);
