import type { ErrorAnswer } from "../answer.js";
import type { CredentialStore, SigningIdentity } from "../identity/store.js";

/** What an emulated operation sees of one call. */
export interface OperationContext {
  /** The decoded, validated input (wire member names). */
  input: Record<string, unknown>;
  /** The verified caller; undefined for an unsigned call to a noAuth operation. */
  caller: SigningIdentity | undefined;
  /** The emulator's clock for this call (ms since the epoch). */
  now: number;
  store: CredentialStore;
}

export type Outcome = { output: Record<string, unknown> } | { error: ErrorAnswer };

export type Operation = (context: OperationContext) => Outcome;

export const fail = (error: ErrorAnswer): Outcome => ({ error });

/** The verified caller of a signed operation (the handler verifies before any operation runs). */
export function callerOf(context: OperationContext): SigningIdentity {
  if (context.caller === undefined) throw new Error("A signed operation ran without a verified caller.");
  return context.caller;
}

export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
export const integer = (value: unknown): number | undefined =>
  typeof value === "number" ? value : undefined;
