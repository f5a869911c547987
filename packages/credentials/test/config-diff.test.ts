import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Servers, startServers } from "../../../scripts/config-diff/servers.mjs";
import { DIVERGENCES } from "./config-diff/divergences.js";
import {
  configuredEndpointOf,
  type FixtureScenario,
  type Outcome,
  resolveWithLanyard,
} from "./config-diff/replay.js";

const fixtures = JSON.parse(
  readFileSync(new URL("./config-diff/data/scenarios.json", import.meta.url), "utf8"),
) as {
  scenarios: FixtureScenario[];
};
const COLUMNS = ["region", "credentials"] as const;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

let servers: Servers;
type Pair = "lanyardVsJs" | "lanyardVsBotocore" | "jsVsBotocore";
const tally: Record<Pair, Record<"region" | "credentials" | "both", number>> & { scenarios: number } = {
  scenarios: 0,
  lanyardVsJs: { region: 0, credentials: 0, both: 0 },
  lanyardVsBotocore: { region: 0, credentials: 0, both: 0 },
  jsVsBotocore: { region: 0, credentials: 0, both: 0 },
};
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers?.close();
  console.log(`config-diff agreement: ${JSON.stringify(tally)}`);
});

function count(scenario: FixtureScenario, outcome: Outcome): void {
  const { js, botocore } = scenario.expected;
  const pairs: [Pair, Outcome, Outcome][] = [
    ["lanyardVsJs", outcome, js],
    ["lanyardVsBotocore", outcome, botocore],
    ["jsVsBotocore", js, botocore],
  ];
  tally.scenarios++;
  for (const [pair, a, b] of pairs) {
    const agree = COLUMNS.filter((column) => same(a[column], b[column]));
    for (const column of agree) tally[pair][column]++;
    if (agree.length === COLUMNS.length) tally[pair].both++;
  }
}

describe("differential fixtures: Lanyard resolves as the JS SDK v3 (and botocore where they agree)", () => {
  it("has at least 80 scenarios", () => {
    expect(fixtures.scenarios.length).toBeGreaterThanOrEqual(80);
  });

  for (const scenario of fixtures.scenarios) {
    it(`${scenario.id}: ${scenario.about}`, { timeout: 60_000 }, async () => {
      const outcome = await resolveWithLanyard(scenario, servers);
      count(scenario, outcome);
      for (const column of COLUMNS) {
        const expected = scenario.expected.js[column];
        const allowed = DIVERGENCES.find((d) => d.id === scenario.id && d.column === column);
        if (allowed === undefined) expect({ [column]: outcome[column] }).toEqual({ [column]: expected });
        else
          expect(
            outcome[column],
            `allow-listed divergence no longer diverges: ${allowed.reason}`,
          ).not.toEqual(expected);
      }
      // The endpoint rules are the client's; the configured endpoint URL is the settings' to get right.
      const endpoint = configuredEndpointOf(scenario.expected.js.endpoint);
      if (endpoint !== undefined) expect({ endpoint: outcome.endpoint }).toEqual({ endpoint });
    });
  }
});
