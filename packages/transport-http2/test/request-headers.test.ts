import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestHeaders } from "../src/request-headers.js";

const request = (headers: Record<string, string>) => ({
  method: "POST",
  url: new URL("https://sts.amazonaws.com:8443/path?q=1"),
  headers,
});

describe("requestHeaders", () => {
  it("derives the pseudo-headers from the URL", () => {
    expect(requestHeaders(request({}))).toEqual({
      ":method": "POST",
      ":scheme": "https",
      ":authority": "sts.amazonaws.com:8443",
      ":path": "/path?q=1",
    });
  });

  it("carries Host as :authority and drops connection-specific headers", () => {
    const headers = requestHeaders(
      request({
        Host: "sts.us-east-1.amazonaws.com",
        Connection: "keep-alive",
        "Transfer-Encoding": "chunked",
      }),
    );
    expect(headers[":authority"]).toBe("sts.us-east-1.amazonaws.com");
    expect(Object.keys(headers)).not.toContain("connection");
    expect(Object.keys(headers)).not.toContain("transfer-encoding");
    expect(Object.keys(headers)).not.toContain("host");
  });

  it("lower-cases every other header name and keeps its value", () => {
    const name = fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/);
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ maxLength: 20 })), (input) => {
        const out = requestHeaders(request(input));
        for (const [key, value] of Object.entries(input)) {
          expect(out[key.toLowerCase()]).toBeDefined();
          if (Object.keys(input).filter((k) => k.toLowerCase() === key.toLowerCase()).length === 1) {
            expect(out[key.toLowerCase()]).toBe(value);
          }
        }
      }),
    );
  });
});
