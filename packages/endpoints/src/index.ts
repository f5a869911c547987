export { type AuthScheme, authSchemeOf } from "./auth-scheme.js";
export { EndpointError, type EndpointErrorCode } from "./errors.js";
export { isVirtualHostableS3Bucket, type ParsedArn, parseArn } from "./lib-aws.js";
export { isValidHostLabel, type ParsedUrl, parseURL, substring, uriEncode } from "./lib-core.js";
export { awsPartition, partitions } from "./partition-table.js";
export { CACHE_SIZE, type ResolveEndpointOptions, resolveEndpoint } from "./resolve.js";
export type {
  Condition,
  EndpointDefinition,
  EndpointParams,
  EndpointRule,
  ErrorRule,
  Expression,
  FunctionCall,
  ParameterDefinition,
  PartitionDefinition,
  PartitionOutputs,
  PartitionsData,
  Ref,
  ResolvedEndpoint,
  Rule,
  RuleSet,
  TreeRule,
  Value,
} from "./types.js";
