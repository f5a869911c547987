import { isIpAddress, isValidHostLabel } from "./lib-core.js";
import type { PartitionOutputs, PartitionsData, Value } from "./types.js";

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resourceId: string[];
  [key: string]: Value;
}

/**
 * `aws.parseArn`: `arn:partition:service:region:account:resource`, the resource split
 * on both `:` and `/`. Unset when a required part is empty.
 */
export function parseArn(value: Value): ParsedArn | undefined {
  if (typeof value !== "string") return undefined;
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", accountId = "", ...rest] = parts;
  const resource = rest.join(":");
  if (partition === "" || service === "" || resource === "") return undefined;
  return { partition, service, region, accountId, resourceId: resource.split(/[:/]/) };
}

/**
 * `aws.isVirtualHostableS3Bucket`: a bucket name usable as a DNS label — 3 to 63
 * lower-case characters, a valid host label, not an IP address. With
 * `allowSubDomains`, each dot-separated label must qualify.
 */
export function isVirtualHostableS3Bucket(value: Value, allowSubDomains: boolean): boolean {
  if (typeof value !== "string") return false;
  if (allowSubDomains) return value.split(".").every((label) => isVirtualHostableS3Bucket(label, false));
  return (
    value.length >= 3 &&
    value.length <= 63 &&
    value === value.toLowerCase() &&
    isValidHostLabel(value, false) &&
    !isIpAddress(value)
  );
}

interface PartitionIndex {
  byRegion: Map<string, PartitionOutputs>;
  byRegex: [RegExp, PartitionOutputs][];
  fallback: PartitionOutputs | undefined;
}

const indexes = new WeakMap<PartitionsData, PartitionIndex>();

function indexPartitions(data: PartitionsData): PartitionIndex {
  const byRegion = new Map<string, PartitionOutputs>();
  const byRegex: [RegExp, PartitionOutputs][] = [];
  for (const partition of data.partitions) {
    for (const [region, overrides] of Object.entries(partition.regions)) {
      const { description: _, ...rest } = overrides;
      byRegion.set(region, { ...partition.outputs, ...rest } as PartitionOutputs);
    }
    byRegex.push([new RegExp(partition.regionRegex), partition.outputs]);
  }
  const aws = data.partitions.find((p) => p.id === "aws") ?? data.partitions[0];
  return { byRegion, byRegex, fallback: aws?.outputs };
}

/**
 * `aws.partition`: an exact region match first, then the first partition whose
 * `regionRegex` matches, else the `aws` partition (as the AWS SDKs do for unknown regions).
 */
export function partitionOf(region: string, data: PartitionsData): PartitionOutputs | undefined {
  let index = indexes.get(data);
  if (!index) {
    index = indexPartitions(data);
    indexes.set(data, index);
  }
  const known = index.byRegion.get(region);
  if (known) return known;
  for (const [regex, outputs] of index.byRegex) if (regex.test(region)) return outputs;
  return index.fallback;
}
