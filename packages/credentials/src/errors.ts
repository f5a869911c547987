import { classBrand, isInstanceAcrossCopies } from "@lanyard/http";
/** Stable codes of `CredentialsError`. */
export type CredentialsErrorCode =
  | "not-configured"
  | "invalid-credentials"
  | "expired"
  | "profile-not-found"
  | "profile-cycle"
  | "role-assumer-missing"
  | "mfa-code-missing"
  | "unsupported"
  | "process-failed"
  | "http-failed"
  | "url-not-allowed"
  | "metadata-disabled"
  | "file-unreadable"
  | "login-required"
  | "login-refresh-failed"
  | "file-too-large"
  | "invalid-config"
  | "sso-login-required"
  | "no-credentials";

export interface CredentialsErrorOptions {
  /** Whether a chain should move on to its next provider (true when this source is simply not set up). */
  tryNext?: boolean;
  cause?: unknown;
}

/**
 * The one error class of this package. Messages name the source and what was
 * expected; they never contain a secret key or session token.
 */
export class CredentialsError extends Error {
  static readonly [classBrand]: string = "CredentialsError";

  /** True for this class's instances from any copy of `@lanyard/credentials` (see `isInstanceAcrossCopies`). */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` names.
    return isInstanceAcrossCopies(this, value);
  }

  override name = "CredentialsError";
  readonly code: CredentialsErrorCode;
  readonly tryNext: boolean;

  constructor(code: CredentialsErrorCode, message: string, options: CredentialsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.tryNext = options.tryNext ?? false;
  }
}

/** Thrown by `chain` when no provider yielded credentials; lists every provider's reason. */
export class NoCredentialsError extends CredentialsError {
  static override readonly [classBrand] = "NoCredentialsError";
  override name = "NoCredentialsError";
  readonly errors: readonly CredentialsError[];

  constructor(errors: readonly CredentialsError[]) {
    const reasons = errors.map((error, i) => `  ${i + 1}. ${error.message}`).join("\n");
    super("no-credentials", `Could not load AWS credentials from any provider:\n${reasons}`, {
      tryNext: false,
    });
    this.errors = errors;
  }
}

/** The "this source is not configured" error: a chain moves on past it. */
export function notConfigured(message: string): CredentialsError {
  return new CredentialsError("not-configured", message, { tryNext: true });
}
