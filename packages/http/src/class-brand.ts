/**
 * Key of the static brand that every copy of one class carries. `Symbol.for`, so two copies of
 * this package find the same key.
 */
export const classBrand: unique symbol = Symbol.for("@lanyard/class-brand") as never;

type Branded = { [classBrand]?: string };

function ownBrand(value: unknown): string | undefined {
  return typeof value === "function" && Object.hasOwn(value, classBrand)
    ? (value as Branded)[classBrand]
    : undefined;
}

/**
 * `value instanceof klass`, and also true for an instance of another copy of `klass`'s package.
 * On Node, a client's self-contained build carries its own copy of the runtime packages beside
 * the installed ones an application imports, so `error instanceof TransportError` must hold for
 * either copy's errors. Classes match by the brand they declare as their own static
 * `[classBrand]` (the class's name: only Lanyard's classes use this key, and their names do not
 * repeat); a class without its own brand (an internal subclass) matches only itself.
 */
export function isInstanceAcrossCopies(
  klass: abstract new (...args: never) => unknown,
  value: unknown,
): boolean {
  if (Function.prototype[Symbol.hasInstance].call(klass, value)) return true;
  const brand = ownBrand(klass);
  if (brand === undefined || typeof value !== "object" || value === null) return false;
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto, "constructor") && ownBrand(proto.constructor) === brand) return true;
  }
  return false;
}
