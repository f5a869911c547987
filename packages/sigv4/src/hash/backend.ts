/**
 * The three primitives SigV4 needs, all synchronous. Two implementations exist: @noble/hashes
 * (portable) and node:crypto (picked by the `node` export condition for speed).
 */
export interface HashBackend {
  /** Lower-case hex SHA-256 of a UTF-8 string or of bytes. */
  sha256Hex(data: string | Uint8Array): string;
  /** HMAC-SHA256 of a UTF-8 string, as bytes (used to derive signing keys). */
  hmac(key: Uint8Array | string, data: string): Uint8Array;
  /** HMAC-SHA256 of a UTF-8 string, as lower-case hex (the final signature). */
  hmacHex(key: Uint8Array, data: string): string;
}
