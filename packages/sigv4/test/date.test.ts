import { describe, expect, it } from "vitest";
import { signingTime } from "../src/date.js";

describe("signingTime", () => {
  it("formats each time right when consecutive calls fall in the same or another second", () => {
    const times: Array<[string, string]> = [
      ["2015-08-30T12:36:00.000Z", "20150830T123600Z"],
      ["2015-08-30T12:36:00.999Z", "20150830T123600Z"],
      ["2015-08-30T12:36:01.000Z", "20150830T123601Z"],
      ["1999-12-31T23:59:59.500Z", "19991231T235959Z"],
      ["2015-08-30T12:36:01.000Z", "20150830T123601Z"],
      ["1970-01-01T00:00:00.000Z", "19700101T000000Z"],
    ];
    for (const [iso, amzDate] of times) {
      expect(signingTime(new Date(iso))).toEqual({ amzDate, shortDate: amzDate.slice(0, 8) });
    }
  });
});
