import { describe, expect, it } from "vitest";
import { formatProfile, summarizeProfile } from "../src/profile.js";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });

describe("summarizeProfile", () => {
  it("attributes self time to functions and to workspace, npm and node packages", () => {
    const profile = {
      nodes: [
        {
          id: 1,
          callFrame: frame("parse", "file:///r/node_modules/.pnpm/x/node_modules/fast-xml-parser/src/p.js"),
        },
        { id: 2, callFrame: frame("sign", "file:///r/packages/sigv4/dist/signer.js") },
        { id: 3, callFrame: frame("emit", "node:events") },
        { id: 4, callFrame: frame("(garbage collector)", "") },
      ],
      samples: [1, 1, 1, 2, 3, 4, 1, 2],
    };
    const summary = summarizeProfile(profile);
    expect(summary.samples).toBe(8);
    expect(summary.packages[0]).toEqual({ name: "fast-xml-parser", share: 0.5 });
    expect(summary.packages.map((entry) => entry.name)).toEqual([
      "fast-xml-parser",
      "@lanyard/sigv4",
      "node (internal)",
      "(garbage collector)",
    ]);
    expect(summary.functions[1]).toEqual({ name: "sign packages/sigv4/dist/signer.js:10", share: 0.25 });
    expect(formatProfile(summary)).toContain(" 50.0%  fast-xml-parser");
  });
});
