// `await using client = new STSClient(…)` (explicit resource management, TypeScript 5.2+) calls
// `[Symbol.asyncDispose]()`. Node ≥ 20.4 defines the symbol; elsewhere this is the registered
// symbol TypeScript's own `await using` helper falls back to, so both find the same method.

declare global {
  interface SymbolConstructor {
    /** The method `await using` calls when the scope ends (ECMAScript explicit resource management). */
    readonly asyncDispose: unique symbol;
  }
}

export const asyncDispose: typeof Symbol.asyncDispose =
  (Symbol as { asyncDispose?: typeof Symbol.asyncDispose }).asyncDispose ??
  (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);
