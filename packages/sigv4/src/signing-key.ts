import type { HashBackend } from "./hash/backend.js";

/** Most processes sign with a handful of identities, regions and services at a time. */
const DEFAULT_MAX_ENTRIES = 64;

/**
 * Derived signing keys, reused until the scope's date changes: four HMACs saved per request.
 * Keyed by secret, date, region and service; bounded, evicting the oldest entry first.
 */
export class SigningKeyCache {
  readonly #hash: HashBackend;
  readonly #maxEntries: number;
  readonly #keys = new Map<string, Uint8Array>();
  // The scope of the previous call: repeated signing with one identity skips building the map key.
  #last: { secret: string; shortDate: string; region: string; service: string; key: Uint8Array } | undefined;

  constructor(hash: HashBackend, maxEntries = DEFAULT_MAX_ENTRIES) {
    this.#hash = hash;
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#keys.size;
  }

  get(secretAccessKey: string, shortDate: string, region: string, service: string): Uint8Array {
    const last = this.#last;
    if (
      last !== undefined &&
      last.secret === secretAccessKey &&
      last.shortDate === shortDate &&
      last.region === region &&
      last.service === service
    ) {
      return last.key;
    }
    const id = `${shortDate}\n${region}\n${service}\n${secretAccessKey}`;
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = deriveSigningKey(this.#hash, secretAccessKey, shortDate, region, service);
      if (this.#keys.size >= this.#maxEntries) {
        const oldest = this.#keys.keys().next();
        if (!oldest.done) this.#keys.delete(oldest.value);
      }
      this.#keys.set(id, key);
    }
    this.#last = { secret: secretAccessKey, shortDate, region, service, key };
    return key;
  }

  clear(): void {
    this.#keys.clear();
    this.#last = undefined;
  }

  // The map's keys hold secrets: show only the size.
  toJSON(): { size: number } {
    return { size: this.#keys.size };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `SigningKeyCache { size: ${this.#keys.size} }`;
  }
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(
  hash: HashBackend,
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Uint8Array {
  const kDate = hash.hmac(`AWS4${secretAccessKey}`, shortDate);
  const kRegion = hash.hmac(kDate, region);
  const kService = hash.hmac(kRegion, service);
  return hash.hmac(kService, "aws4_request");
}
