import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedHeaders, isForbiddenHeader } from "../src/forbidden-headers.js";

describe("allowedHeaders", () => {
  it("keeps exactly the headers a browser lets script set, with their original names", () => {
    const name = fc.oneof(
      fc.constantFrom(
        "Host",
        "Content-Length",
        "Connection",
        "Date",
        "Proxy-Authorization",
        "Sec-Fetch-Mode",
      ),
      fc.constantFrom("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "Content-Type"),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
    );
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ maxLength: 10 })), (input) => {
        const out = allowedHeaders(input);
        for (const [key, value] of Object.entries(input)) {
          if (isForbiddenHeader(key.toLowerCase())) expect(out).not.toHaveProperty(key);
          else expect(out[key]).toBe(value);
        }
      }),
    );
  });
});
