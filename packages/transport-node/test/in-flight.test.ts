import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InFlight, type InFlightEntry } from "../src/in-flight.js";

describe("InFlight", () => {
  it("fails exactly the entries added and not yet removed, once each, in the order they came", () => {
    // Each step adds an entry (null) or removes the entry at that index of those added so far.
    const steps = fc.array(fc.option(fc.nat(40), { nil: null }), { maxLength: 60 });
    fc.assert(
      fc.property(steps, (plan) => {
        const list = new InFlight();
        const added: InFlightEntry[] = [];
        const removed = new Set<number>();
        const failed: number[] = [];
        for (const step of plan) {
          if (step === null) {
            const id = added.length;
            const entry: InFlightEntry = list.add(() => {
              failed.push(id);
              list.remove(entry);
            });
            added.push(entry);
          } else if (added.length > 0) {
            const index = step % added.length;
            list.remove(added[index]!);
            removed.add(index);
          }
        }
        list.failAll(new Error("closed"));
        expect(failed).toEqual(added.map((_, id) => id).filter((id) => !removed.has(id)));
        failed.length = 0;
        list.failAll(new Error("closed again"));
        expect(failed).toEqual([]);
      }),
    );
  });

  it("passes the error to every entry, and an entry that does not remove itself is failed again", () => {
    const list = new InFlight();
    const seen: unknown[] = [];
    list.add((error) => seen.push(error));
    const error = new Error("closed");
    list.failAll(error);
    list.failAll(error);
    expect(seen).toEqual([error, error]);
  });
});
