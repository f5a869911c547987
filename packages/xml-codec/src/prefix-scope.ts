/**
 * The namespace prefixes declared (`xmlns:p="…"`) by the open elements. A declaration holds for
 * its own element and everything inside it (Namespaces in XML §6.1); the DOMParser backend
 * rejects a prefix used outside that scope. Counted in a map so that a document with thousands
 * of declarations still checks in linear time.
 */
export class PrefixScope {
  /** How many open elements declare each prefix; made on the first declaration. */
  #active: Map<string, number> | undefined;
  /** Prefix and element depth of each declaration, innermost last. */
  readonly #declared: Array<string | number> = [];

  declare(prefix: string, depth: number): void {
    this.#active ??= new Map();
    this.#active.set(prefix, (this.#active.get(prefix) ?? 0) + 1);
    this.#declared.push(prefix, depth);
  }

  /** Whether `prefix` is declared in scope; `xml` always is (§3). */
  isBound(prefix: string): boolean {
    return prefix === "xml" || this.#active?.has(prefix) === true;
  }

  /** Forgets the declarations of the element at `depth`, which has just ended. */
  close(depth: number): void {
    const active = this.#active;
    const declared = this.#declared;
    while (declared.length > 0 && declared[declared.length - 1] === depth) {
      const prefix = declared[declared.length - 2] as string;
      declared.length -= 2;
      const count = active?.get(prefix) ?? 0;
      if (count > 1) active?.set(prefix, count - 1);
      else active?.delete(prefix);
    }
  }
}
