import { classBrand, isInstanceAcrossCopies } from "@lanyard/http";
/** Stable reasons a SigV4 operation can fail; match on `code`, never on the message. */
export type SigV4ErrorCode =
  | "missing-credentials"
  | "invalid-option"
  | "invalid-date"
  | "invalid-expires"
  | "invalid-header-name"
  | "invalid-request"
  | "missing-signed-header"
  | "invalid-authorization"
  | "webcrypto-unavailable";

/**
 * The one error class of `@lanyard/sigv4`. Messages say what was wrong and what was expected and
 * never include a secret access key or session token.
 */
export class SigV4Error extends Error {
  static readonly [classBrand]: string = "@lanyard/sigv4.SigV4Error";

  /** True for this class's instances from any copy of `@lanyard/sigv4` (see `isInstanceAcrossCopies`). */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` names.
    return isInstanceAcrossCopies(this, value);
  }

  override readonly name = "SigV4Error";
  readonly code: SigV4ErrorCode;

  constructor(code: SigV4ErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  toJSON(): { name: string; code: SigV4ErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** A `SigV4Error` whose message reads "<what>: expected <expectation>.", the form all of ours take. */
export function invalid(code: SigV4ErrorCode, what: string, expectation: string): SigV4Error {
  return new SigV4Error(code, `${what}: expected ${expectation}.`);
}
