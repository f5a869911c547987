import { type CompiledRule, compileRules } from "./compile-rules.js";
import { EndpointError } from "./errors.js";
import { missingParameter, NO_MATCH, type Parameter, parametersOf } from "./language.js";
import type { EndpointParams, PartitionsData, ResolvedEndpoint, RuleSet, Value } from "./types.js";

export interface ResolveEndpointOptions {
  /** Partition data for `aws.partition`; defaults to the bundled partitions (see `partitions`). */
  partitions?: PartitionsData;
  /** `false` evaluates every call afresh; by default results are cached per rule set. */
  cache?: false;
}

/** How many distinct parameter sets each rule set remembers. */
export const CACHE_SIZE = 50;

interface Prepared {
  evaluate: CompiledRule;
  parameters: Parameter[];
  /** Results by parameter key with the bundled partitions, and per partition data passed in. */
  cache: Map<string, ResolvedEndpoint>;
  caches: WeakMap<PartitionsData, Map<string, ResolvedEndpoint>>;
}

const prepared = new WeakMap<RuleSet, Prepared>();

function prepare(ruleSet: RuleSet): Prepared {
  let entry = prepared.get(ruleSet);
  if (!entry) {
    const parameters = parametersOf(ruleSet);
    entry = { evaluate: compileRules(ruleSet.rules), parameters, cache: new Map(), caches: new WeakMap() };
    prepared.set(ruleSet, entry);
  }
  return entry;
}

/**
 * Resolves an endpoint from a Smithy endpoint rule set (version 1.0).
 * Throws `EndpointError`: `rule-error` with the rule's message, or `missing-parameter` /
 * `invalid-parameter` before evaluation. Parameters the rule set does not declare are ignored.
 */
export function resolveEndpoint(
  ruleSet: RuleSet,
  params: EndpointParams,
  options: ResolveEndpointOptions = {},
): ResolvedEndpoint {
  const entry = prepare(ruleSet);
  const { values, key } = bindParameters(entry.parameters, params);
  const { partitions } = options;
  if (options.cache === false) return evaluate(entry, values, partitions);
  let cache = partitions === undefined ? entry.cache : entry.caches.get(partitions);
  if (!cache) {
    cache = new Map();
    entry.caches.set(partitions!, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const result = evaluate(entry, values, partitions);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, freeze(result));
  return result;
}

function evaluate(
  entry: Prepared,
  values: Record<string, Value>,
  partitions: PartitionsData | undefined,
): ResolvedEndpoint {
  const result = entry.evaluate({ values, partitions });
  if (!result) throw new EndpointError("no-match", NO_MATCH);
  return result;
}

interface Bound {
  values: Record<string, Value>;
  /** Length-prefixed so that no two distinct parameter sets share a key. */
  key: string;
}

function bindParameters(parameters: Parameter[], params: EndpointParams): Bound {
  const values: Record<string, Value> = {};
  let key = "";
  for (const parameter of parameters) {
    const { name, type, fallback } = parameter;
    const value = params[name] ?? fallback;
    if (value === undefined || value === null) {
      if (parameter.required) throw missingParameter(parameter);
      key += "-";
      continue;
    }
    if (typeof value === "string" && type === "string") key += `${value.length}:${value}`;
    else if (typeof value === "boolean" && type === "boolean") key += value ? "t" : "f";
    else if (type === "stringarray" && isStringArray(value)) key += `a${JSON.stringify(value)}`;
    else throw invalidParameter(name, type, value);
    values[name] = Array.isArray(value) ? [...(value as string[])] : (value as Value);
  }
  return { values, key };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function invalidParameter(name: string, type: string, value: unknown): EndpointError {
  const got = Array.isArray(value) ? "array" : typeof value;
  const expected = type === "stringarray" ? "an array of strings" : `a ${type}`;
  return new EndpointError("invalid-parameter", `endpoint parameter ${name} must be ${expected}; got ${got}`);
}

function freeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freeze(inner);
  }
  return value;
}
