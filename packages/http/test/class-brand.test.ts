import { describe, expect, it } from "vitest";
import { classBrand, isInstanceAcrossCopies } from "../src/class-brand.js";
import { TimeoutError, TransportError } from "../src/errors.js";

/** A second copy of a branded hierarchy, as another copy of a package would define it. */
function copyOfHierarchy() {
  class Base extends Error {
    static readonly [classBrand]: string = "@test/pkg.Base";
    static override [Symbol.hasInstance](value: unknown): boolean {
      // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` names.
      return isInstanceAcrossCopies(this, value);
    }
  }
  class Branded extends Base {
    static override readonly [classBrand] = "@test/pkg.Branded";
  }
  class Internal extends Base {}
  return { Base, Branded, Internal };
}

describe("isInstanceAcrossCopies", () => {
  const one = copyOfHierarchy();
  const two = copyOfHierarchy();

  it("matches an instance of the same class from another copy, and its subclasses' instances", () => {
    expect(one.Base).not.toBe(two.Base);
    expect(new two.Base() instanceof one.Base).toBe(true);
    expect(new two.Branded() instanceof one.Base).toBe(true);
    expect(new two.Branded() instanceof one.Branded).toBe(true);
    expect(new two.Internal() instanceof one.Base).toBe(true);
  });

  it("does not match a base instance for a subclass, nor across copies for an unbranded subclass", () => {
    expect(new two.Base() instanceof one.Branded).toBe(false);
    expect(new one.Base() instanceof one.Branded).toBe(false);
    expect(new two.Internal() instanceof one.Internal).toBe(false);
    expect(new one.Internal() instanceof one.Internal).toBe(true);
    expect(new two.Branded() instanceof one.Internal).toBe(false);
  });

  it("answers false for values that are not objects or carry no brand", () => {
    for (const value of [undefined, null, 0, "Base", Symbol("x"), {}, new Error("x"), Object.create(null)]) {
      expect(value instanceof one.Base).toBe(false);
    }
    // A look-alike with a different brand string is another class.
    class Other extends Error {
      static readonly [classBrand]: string = "@test/other.Base";
    }
    expect(new Other() instanceof one.Base).toBe(false);
  });

  it("is what TransportError and its subclasses answer instanceof with", () => {
    const copy = class extends Error {
      static readonly [classBrand]: string = "TransportError";
    };
    const timeoutCopy = class extends copy {
      static override readonly [classBrand] = "TimeoutError";
    };
    expect(new copy() instanceof TransportError).toBe(true);
    expect(new copy() instanceof TimeoutError).toBe(false);
    expect(new timeoutCopy() instanceof TimeoutError).toBe(true);
    expect(new TimeoutError("connect", 5) instanceof TransportError).toBe(true);
  });
});
