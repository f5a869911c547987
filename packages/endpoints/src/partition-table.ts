// `aws.partition` over the generated partition rows (partition-rows.generated.ts).
import { PARTITIONS_VERSION, ROWS } from "./partition-rows.generated.js";
import type { PartitionOutputs, PartitionRow, PartitionsData } from "./types.js";

function outputsOf(row: PartitionRow): PartitionOutputs {
  const [name, , dnsSuffix, dualStackDnsSuffix, implicitGlobalRegion, supportsFIPS, supportsDualStack] = row;
  return {
    name,
    dnsSuffix,
    dualStackDnsSuffix,
    supportsFIPS,
    supportsDualStack,
    ...(implicitGlobalRegion && { implicitGlobalRegion }),
  };
}

let outputs: PartitionOutputs[] | undefined;

/**
 * `aws.partition` over the bundled partitions: an exact region first, then the first matching
 * `regionRegex`, else `aws`, as the SDKs answer (and as `partitionOf` answers for data
 * passed in), from a table that lists only the regions a pattern misses.
 */
export function awsPartition(region: unknown): PartitionOutputs | undefined {
  if (typeof region !== "string") return undefined;
  outputs ??= ROWS.map(outputsOf);
  const index = ROWS.findIndex((row) => row[7].includes(region));
  if (index !== -1) return outputs[index];
  const byRegex = ROWS.findIndex((row) => new RegExp(row[1]).test(region));
  return outputs[byRegex === -1 ? 0 : byRegex];
}

/**
 * The bundled partitions in `partitions.json`'s shape, to extend and pass as
 * `resolveEndpoint`'s `partitions` option: each lists only the regions its `regionRegex` does
 * not match, which gives `aws.partition` the same answers as the full file.
 */
export const partitions: PartitionsData = /* @__PURE__ */ partitionsData();

function partitionsData(): PartitionsData {
  return {
    version: PARTITIONS_VERSION,
    partitions: ROWS.map((row) => ({
      id: row[0],
      regionRegex: row[1],
      regions: Object.fromEntries(row[7].map((region) => [region, {}])),
      outputs: outputsOf(row),
    })),
  };
}
