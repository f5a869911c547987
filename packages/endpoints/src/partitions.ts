export { partitions } from "./partitions-data.js";
export type { PartitionDefinition, PartitionOutputs, PartitionsData } from "./types.js";
