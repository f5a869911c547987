import { describe, expect, it } from "vitest";
import { ClockSkew } from "../src/index.js";

const LOCAL = Date.UTC(2026, 0, 1, 12);

describe("ClockSkew", () => {
  it("learns the offset from a server Date 5 minutes or more away", () => {
    const clock = new ClockSkew({ now: () => LOCAL });
    expect(clock.update(new Date(LOCAL + 3_600_000))).toBe(true);
    expect(clock.offsetMs).toBe(3_600_000);
    expect(clock.now().getTime()).toBe(LOCAL + 3_600_000);
  });

  it("learns a server clock that is behind ours", () => {
    const clock = new ClockSkew({ now: () => LOCAL });
    expect(clock.update(new Date(LOCAL - 600_000))).toBe(true);
    expect(clock.now().toISOString()).toBe(new Date(LOCAL - 600_000).toISOString());
  });

  it("ignores differences under 5 minutes, which the Date header's 1 s resolution makes noise", () => {
    const clock = new ClockSkew({ now: () => LOCAL });
    expect(clock.update(new Date(LOCAL + 299_999))).toBe(false);
    expect(clock.offsetMs).toBe(0);
  });

  it("compares against the corrected clock, so a second identical Date changes nothing", () => {
    const clock = new ClockSkew({ now: () => LOCAL });
    clock.update(new Date(LOCAL + 900_000));
    expect(clock.update(new Date(LOCAL + 900_000))).toBe(false);
    expect(clock.offsetMs).toBe(900_000);
  });

  it("uses the localNow it is given", () => {
    const clock = new ClockSkew({ now: () => 0 });
    clock.update(new Date(LOCAL), LOCAL - 400_000);
    expect(clock.offsetMs).toBe(400_000);
  });

  it("ignores an invalid date", () => {
    const clock = new ClockSkew({ now: () => LOCAL });
    expect(clock.update(new Date("not a date"))).toBe(false);
    expect(clock.offsetMs).toBe(0);
  });

  it("keeps its offset across later reads (persists per client)", () => {
    let t = LOCAL;
    const clock = new ClockSkew({ now: () => t });
    clock.update(new Date(LOCAL - 3_600_000));
    t += 10_000;
    expect(clock.now().getTime()).toBe(LOCAL - 3_600_000 + 10_000);
  });
});
