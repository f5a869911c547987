import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type * as codec from "../src/index.js";
import { bundle } from "./bundle.js";

// What a worker gets: the default export condition, bundled platform-neutral as a worker app
// would be, then run. It is the same reader as on Node, with no dependency.
const workerBundle = () => bundle("index.ts", { platform: "neutral", conditions: ["worker"] });

describe("worker bundle", () => {
  it("is self-contained and small", async () => {
    const { code, inputs } = await workerBundle();
    expect(inputs.filter((input) => input.includes("node_modules"))).toEqual([]);
    expect(gzipSync(code).length).toBeLessThan(7 * 1024);
  });

  it("parses and rejects exactly as on Node, undeclared prefixes included", async () => {
    const { code } = await workerBundle();
    const worker: typeof codec = await import(`data:text/javascript;base64,${btoa(code)}`);
    expect(worker.parseXml('<p:a xmlns:p="urn:p" x="&amp;">t</p:a>')).toEqual({
      name: "a",
      attributes: { x: "&" },
      children: [],
      text: "t",
    });
    expect(() => worker.parseXml("<p:a/>")).toThrow("namespace prefix of p:a is not declared");
    expect(() => worker.parseXml("<a>&nbsp;</a>")).toThrow(worker.XmlCodecError);
  });
});
