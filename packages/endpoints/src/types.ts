/** A value a rule-set expression can produce. */
export type Value = string | boolean | number | null | undefined | Value[] | { [key: string]: Value };

/** `{ "ref": "Name" }`: a parameter or an assigned name. */
export interface Ref {
  ref: string;
}

/** `{ "fn": "name", "argv": [...] }`: a standard-library function call. */
export interface FunctionCall {
  fn: string;
  argv: Expression[];
}

/** A string literal (a template), a boolean or number literal, a reference or a call. */
export type Expression =
  | string
  | boolean
  | number
  | Ref
  | FunctionCall
  | Expression[]
  | { [key: string]: Expression };

/** A condition: a call whose result, when not false or unset, may be bound to `assign`. */
export interface Condition extends FunctionCall {
  assign?: string;
}

export interface EndpointDefinition {
  url: Expression;
  properties?: Record<string, Expression>;
  headers?: Record<string, Expression[]>;
}

export interface EndpointRule {
  type: "endpoint";
  conditions: Condition[];
  endpoint: EndpointDefinition;
  documentation?: string;
}

export interface ErrorRule {
  type: "error";
  conditions: Condition[];
  error: Expression;
  documentation?: string;
}

export interface TreeRule {
  type: "tree";
  conditions: Condition[];
  rules: Rule[];
  documentation?: string;
}

export type Rule = EndpointRule | ErrorRule | TreeRule;

export interface ParameterDefinition {
  /** `string`, `boolean` or `stringArray` (case-insensitive, as rule sets spell it both ways). */
  type: string;
  required?: boolean;
  default?: string | boolean | string[];
  builtIn?: string;
  documentation?: string;
  deprecated?: unknown;
}

/** A Smithy endpoint rule set (version 1.0), as found in `endpoint-rule-set-1.json`. */
export interface RuleSet {
  version: string;
  parameters: Record<string, ParameterDefinition>;
  rules: Rule[];
}

/** Parameter values by name; `undefined` counts as unset. */
export type EndpointParams = Record<string, string | boolean | string[] | undefined>;

/** The endpoint a rule set resolved to. */
export interface ResolvedEndpoint {
  url: string;
  /** `authSchemes[0]` carries `name`, `signingName` and `signingRegion` (or `signingRegionSet`). */
  properties: Record<string, unknown>;
  headers: Record<string, string[]>;
}

/** The outputs `aws.partition` returns for a region. */
export interface PartitionOutputs {
  name: string;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
  supportsFIPS: boolean;
  supportsDualStack: boolean;
  implicitGlobalRegion?: string;
  [key: string]: Value;
}

export interface PartitionDefinition {
  id: string;
  regionRegex: string;
  /** Known regions; a region's object overrides the partition's outputs. */
  regions: Record<string, Partial<PartitionOutputs> & { description?: string }>;
  outputs: PartitionOutputs;
}

/** One partition of the bundled table (partition-rows.generated.ts): its outputs as a tuple. */
export type PartitionRow = [
  name: string,
  regionRegex: string,
  dnsSuffix: string,
  dualStackDnsSuffix: string,
  implicitGlobalRegion: string,
  supportsFIPS: boolean,
  supportsDualStack: boolean,
  /** Regions the name alone decides: no earlier regionRegex, nor the partition's own, matches them. */
  regions: string[],
];

/** The shape of botocore's `partitions.json`. */
export interface PartitionsData {
  version?: string;
  partitions: PartitionDefinition[];
}
