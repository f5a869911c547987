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

/** The cache id of one signing key: date, region, service and secret. */
export function signingKeyId(secretAccessKey: string, shortDate: string, region: string, service: string) {
  return `${shortDate}\n${region}\n${service}\n${secretAccessKey}`;
}

/** `map`'s value for `id`, made and added when missing; holds at most `maxEntries`, evicting the oldest. */
export function remember<T>(map: Map<string, T>, id: string, make: () => T, maxEntries: number): T {
  let value = map.get(id);
  if (value === undefined) {
    value = make();
    if (map.size >= maxEntries) map.delete(map.keys().next().value!);
    map.set(id, value);
  }
  return value;
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
  const id = signingKeyId(secretAccessKey, shortDate, region, service);
  const derive = () => deriveSigningKey(hash, secretAccessKey, shortDate, region, service);
  return remember(keys, id, derive, maxEntries);
}
