import type { HttpRequest } from "@lanyard/http";
import { toHex } from "./hash/hex.js";
import { deriveSigningCryptoKey, hmac, sha256Hex, subtleCrypto } from "./hash/webcrypto.js";
import { type ResolvedOptions, resolveOptions } from "./options.js";
import { fixedPayloadHash } from "./payload.js";
import { checkRequest } from "./request-check.js";
import { prepareHeaders } from "./request-headers.js";
import { canonicalRequestOf, headerSignable, stringToSignOf, withAuthorization } from "./sign.js";
import { DEFAULT_MAX_ENTRIES, remember, signingKeyId } from "./signing-key.js";
import type { SignOptions } from "./types.js";

// Derived signing keys as non-extractable CryptoKeys, bounded like the sync cache. The promise is
// stored so concurrent first calls derive once; a failed derivation is dropped, not kept.
const keys = new Map<string, Promise<CryptoKey>>();

function cachedSigningCryptoKey(subtle: SubtleCrypto, o: ResolvedOptions): Promise<CryptoKey> {
  const { secretAccessKey, region, service } = o;
  const { shortDate } = o.time;
  const id = signingKeyId(secretAccessKey, shortDate, region, service);
  const derive = () => {
    const key = deriveSigningCryptoKey(subtle, secretAccessKey, shortDate, region, service);
    key.catch(() => keys.get(id) === key && keys.delete(id));
    return key;
  };
  return remember(keys, id, derive, DEFAULT_MAX_ENTRIES);
}

/**
 * `sign` computed with WebCrypto (`crypto.subtle`): the same options and the same signed request,
 * without a JavaScript SHA-256 in the bundle. Same steps as `sign`, awaiting only where it hashes.
 * Rejects with a `SigV4Error` (`webcrypto-unavailable`) where `crypto.subtle` is missing.
 */
export async function signAsync(request: HttpRequest, options: SignOptions): Promise<HttpRequest> {
  checkRequest(request);
  const subtle = subtleCrypto();
  const o = resolveOptions(options);
  const prepared = prepareHeaders(request, o);
  const payload =
    fixedPayloadHash(prepared.declaredPayloadHash, o.unsignedPayload === true) ??
    (await sha256Hex(subtle, request.body ?? ""));
  const { canonicalRequest, signedHeaders } = canonicalRequestOf(
    headerSignable(request, o, prepared, payload),
  );
  const stringToSign = stringToSignOf(o, await sha256Hex(subtle, canonicalRequest));
  const key = await cachedSigningCryptoKey(subtle, o);
  const signature = toHex(await hmac(subtle, key, stringToSign));
  return withAuthorization(request, o, prepared.headers, signedHeaders, signature);
}
