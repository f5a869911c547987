import type { HashBackend } from "./hash/backend.js";
import { cachedSigningKey, DEFAULT_MAX_ENTRIES } from "./signing-key.js";

// No `util.inspect` hook: it would need a computed `Symbol.for` key, which makes bundlers keep the
// class in every bundle that signs. The keys live in a private field, which inspect never shows.
/** Derived signing keys for one hash backend (see `cachedSigningKey`), as an object. */
export class SigningKeyCache {
  readonly #hash: HashBackend;
  readonly #maxEntries: number;
  readonly #keys = new Map<string, Uint8Array>();

  constructor(hash: HashBackend, maxEntries = DEFAULT_MAX_ENTRIES) {
    this.#hash = hash;
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#keys.size;
  }

  get(secretAccessKey: string, shortDate: string, region: string, service: string): Uint8Array {
    return cachedSigningKey(
      this.#hash,
      this.#keys,
      secretAccessKey,
      shortDate,
      region,
      service,
      this.#maxEntries,
    );
  }

  clear(): void {
    this.#keys.clear();
  }

  // The map's keys hold secrets: show only the size.
  toJSON(): { size: number } {
    return { size: this.#keys.size };
  }
}
