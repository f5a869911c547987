import type { HashBackend } from "./hash/backend.js";

/** Most processes sign with a handful of identities, regions and services at a time. */
export const DEFAULT_MAX_ENTRIES = 64;

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

/**
 * A derived signing key from `keys`, derived and added when missing: reused until the scope's date
 * changes, it saves four HMACs per request. Keyed by date, region, service and secret; holds at
 * most `maxEntries`, evicting the oldest first.
 */
export function cachedSigningKey(
  hash: HashBackend,
  keys: Map<string, Uint8Array>,
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
  maxEntries = DEFAULT_MAX_ENTRIES,
): Uint8Array {
  const id = `${shortDate}\n${region}\n${service}\n${secretAccessKey}`;
  let key = keys.get(id);
  if (key === undefined) {
    key = deriveSigningKey(hash, secretAccessKey, shortDate, region, service);
    if (keys.size >= maxEntries) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
  }
  return key;
}
