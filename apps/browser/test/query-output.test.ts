import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir } from "../src/harness/artifacts.js";
import { hostPage, type PageHost } from "../src/harness/page-host.js";
import { type CaseOutcome, caseName, type OutputSuite } from "../src/pages/query-output-cases.js";

const vectors = readFileSync(new URL("./vectors/output.json", import.meta.url), "utf8");
const suites = JSON.parse(vectors) as OutputSuite[];
const cases = suites.flatMap((suite) =>
  suite.cases.map((testCase) => {
    const expected =
      testCase.error === undefined
        ? testCase.result
        : {
            error: testCase.error,
            status: testCase.response.status_code,
            requestId: "foo-id",
            type: "Sender",
          };
    return { name: caseName(testCase), expected };
  }),
);

function xmlCodecBrowserEntry(): string {
  const manifest = new URL("../node_modules/@lanyard/xml-codec/package.json", import.meta.url);
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { browser?: string }>;
  };
  const entry = exports["."]?.browser;
  if (entry === undefined) throw new Error("@lanyard/xml-codec has no `browser` export condition");
  return entry;
}

describe("botocore awsQuery output cases through xml-codec's DOMParser backend in Chromium", () => {
  let host: PageHost;
  let page: Page;
  let outcomes = new Map<string, CaseOutcome>();

  beforeAll(async () => {
    host = await hostPage("query-output", "awsQuery output cases in the browser", {
      "/output.json": vectors,
    });
    const opened = await host.open();
    page = opened.page;
    await page.screenshot({ path: join(artifactsDir(), "query-output.png"), fullPage: true });
    expect(opened.state, `${await page.textContent("#app")}\n${opened.consoleErrors.join("\n")}`).toBe(
      "done",
    );
    const reported = await page.evaluate(() => window.lanyardOutcomes ?? []);
    outcomes = new Map(reported.map((outcome) => [outcome.name, outcome]));
  });

  afterAll(async () => {
    await host?.close();
  });

  it("bundles the browser build of xml-codec, which uses DOMParser instead of the codec's own reader", () => {
    // The entry esbuild must pick with platform "browser": xml-codec's `browser` export condition.
    const browserEntry = xmlCodecBrowserEntry().replace(/^\.\//, "");
    expect(host.inputs.filter((input) => input.endsWith(`xml-codec/${browserEntry}`))).toHaveLength(1);
    expect(host.inputs.filter((input) => input.endsWith("xml-codec/dist/index.js"))).toEqual([]);
  });

  it("runs all 38 cases and reports every one as passed", async () => {
    expect(cases).toHaveLength(38);
    expect(outcomes.size).toBe(38);
    const failed = [...outcomes.values()].filter((outcome) => !outcome.pass);
    expect(failed).toEqual([]);
    expect(await page.textContent("#summary")).toMatch(/^38 of 38 cases passed \(DOMParser: function\)$/);
  });

  it.each(cases)("decodes $name as botocore expects", ({ name, expected }) => {
    const outcome = outcomes.get(name);
    expect(outcome?.problem).toBeUndefined();
    expect(outcome?.actual).toEqual(expected);
  });
});
