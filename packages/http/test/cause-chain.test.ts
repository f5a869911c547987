import { describe, expect, it } from "vitest";
import { findCause } from "../src/index.js";

class Marker extends Error {}
const isMarker = (candidate: unknown) => candidate instanceof Marker;
const wrap = (cause: unknown, levels: number): unknown =>
  levels === 0 ? cause : wrap(new Error("wrapper", { cause }), levels - 1);

describe("findCause", () => {
  it("finds the error itself or one nested in its causes", () => {
    const marker = new Marker();
    expect(findCause(marker, isMarker)).toBe(marker);
    expect(findCause(wrap(marker, 4), isMarker)).toBe(marker);
  });

  it("looks no deeper than five errors, so a cyclic chain ends", () => {
    expect(findCause(wrap(new Marker(), 5), isMarker)).toBeUndefined();
    const cyclic: { cause?: unknown } = new Error("cycle");
    cyclic.cause = cyclic;
    expect(findCause(cyclic, isMarker)).toBeUndefined();
  });

  it("gives undefined for no error or a chain without a match", () => {
    expect(findCause(undefined, isMarker)).toBeUndefined();
    expect(findCause(wrap("plain text", 2), isMarker)).toBeUndefined();
  });
});
