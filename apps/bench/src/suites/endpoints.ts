import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STSClient as SdkClient } from "@aws-sdk/client-sts";
import { type RuleSet, resolveEndpoint } from "@lanyard/endpoints";
import { compareOrReport } from "../contenders.js";
import type { Contender } from "../measure.js";
import { APP_DIR } from "../paths.js";
import { type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

const RULE_SET = JSON.parse(
  readFileSync(join(APP_DIR, "data", "sts-endpoint-rule-set-1.json"), "utf8"),
) as unknown as RuleSet;

const PARAMS = { Region: "eu-west-1", UseFIPS: false, UseDualStack: false, UseGlobalEndpoint: false };

/**
 * "Cold" cycles through more distinct regions than either cache holds (both keep 50 entries), so
 * every resolution evaluates the rules; the compiled rule set itself stays warm, as in a live client.
 */
const COLD_REGIONS = Array.from({ length: 512 }, (_, i) => `us-east-${i + 100}`);

type Resolver = (params: Record<string, string | boolean>) => unknown;

function sdkResolver(): Resolver {
  // The resolver a client is configured with: the SDK's own rules (BDD), partitions and EndpointCache.
  const { endpointProvider } = new SdkClient({ region: "us-east-1" }).config;
  return (params) => endpointProvider(params as Parameters<typeof endpointProvider>[0], {});
}

function lanyardResolver(): Resolver {
  return (params) => resolveEndpoint(RULE_SET, params);
}

function contenders(name: string, resolver: Resolver): Contender[] {
  let i = 0;
  return [
    { name: `${name} cached`, run: () => resolver(PARAMS) },
    {
      name: `${name} cold`,
      run: () => resolver({ ...PARAMS, Region: COLD_REGIONS[i++ & 511]! }),
    },
  ];
}

/** Resolutions per second of the STS endpoint rule set, from each cache and with every lookup a miss. */
export async function endpointsSuite(context: SuiteContext): Promise<SuiteResult> {
  const lanyard = contenders("lanyard resolveEndpoint", lanyardResolver());
  const sdk = contenders("@aws-sdk/client-sts endpointProvider", sdkResolver());
  const attempts = [lanyard[0]!, sdk[0]!, lanyard[1]!, sdk[1]!];
  const rows = (await compareOrReport(attempts, context)).map((row) =>
    row.name.endsWith("cold") ? { ...row, reference: lanyard[1]!.name } : row,
  );
  return {
    suite: "endpoints",
    unit: "resolutions/s",
    baseline: lanyard[0]!.name,
    rows: withAdvantage(rows, lanyard[0]!.name),
  };
}
