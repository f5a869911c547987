import { accessKeyIdFor, secretAccessKey, sessionToken } from "./ids.js";
import type { Principal } from "./principal.js";

/** A key the emulator accepts signatures from, and who it speaks for. */
export interface SigningIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * The token issued with temporary keys, which every request signed with them must carry.
   * Undefined for long-term keys (the test identity), which take any token or none.
   */
  sessionToken?: string;
  /** When temporary keys expire (ms since the epoch). */
  expiresAt?: number;
  principal: Principal;
}

/** Temporary credentials as STS returns them in `Credentials`. */
export interface IssuedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** ISO 8601 with whole seconds, as STS writes it. */
  Expiration: string;
}

/** Expired keys are still recognised this long, so their use answers ExpiredToken, then forgotten. */
const FORGET_AFTER_MS = 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 1000;

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The long-term test identity and every set of temporary credentials issued since start. */
export class CredentialStore {
  readonly #keys = new Map<string, SigningIdentity>();
  #prunedAt = 0;

  constructor(longTerm: readonly SigningIdentity[]) {
    for (const identity of longTerm) this.#keys.set(identity.accessKeyId, identity);
  }

  find(accessKeyId: string): SigningIdentity | undefined {
    return this.#keys.get(accessKeyId);
  }

  /** New temporary keys (`ASIA…`) for `principal`, valid `durationSeconds` from `now`. */
  issue(principal: Principal, durationSeconds: number, now: number): IssuedCredentials {
    this.#prune(now);
    // STS expirations have whole seconds.
    const expiresAt = Math.floor(now / 1000) * 1000 + durationSeconds * 1000;
    const identity: SigningIdentity = {
      accessKeyId: accessKeyIdFor("ASIA", principal.account),
      secretAccessKey: secretAccessKey(),
      sessionToken: sessionToken(),
      expiresAt,
      principal,
    };
    this.#keys.set(identity.accessKeyId, identity);
    return {
      AccessKeyId: identity.accessKeyId,
      SecretAccessKey: identity.secretAccessKey,
      SessionToken: identity.sessionToken!,
      Expiration: isoSeconds(expiresAt),
    };
  }

  /** Drops keys long expired, at most once a minute, so a long-running server stays small. */
  #prune(now: number): void {
    if (now - this.#prunedAt < PRUNE_EVERY_MS) return;
    this.#prunedAt = now;
    for (const [id, identity] of this.#keys) {
      if (identity.expiresAt !== undefined && now - identity.expiresAt > FORGET_AFTER_MS)
        this.#keys.delete(id);
    }
  }
}
