import { EndpointError } from "./errors.js";
import { isVirtualHostableS3Bucket, parseArn, partitionOf } from "./lib-aws.js";
import { isValidHostLabel, type PathStep, parsePath, parseURL, substring, uriEncode } from "./lib-core.js";
import { awsPartition } from "./partition-table.js";
import type { PartitionsData, RuleSet, Value } from "./types.js";

// What the rules language means, shared by its two evaluators: the interpreter (`resolveEndpoint`,
// which compiles a rule set into closures) and the compiler (`compileRuleSet`, which writes it as
// TypeScript). Each walks the rules its own way; names, functions, templates and messages are here.

/** What `aws.partition` reads: the bundled table unless the caller passed partitions. */
export interface EvaluationScope {
  partitions: PartitionsData | undefined;
}

/** One function of the rules language (Smithy rules spec, "Functions", and the AWS extensions). */
export interface RuleFunction {
  /** The library export a compiled resolver calls; undefined for functions compiled to operators. */
  exported?: string;
  /** Always returns a boolean, so a condition can test the result as it is. */
  boolean?: boolean;
  evaluate(args: Value[], scope: EvaluationScope): Value;
}

export const FUNCTIONS: Record<string, RuleFunction> = {
  isSet: { boolean: true, evaluate: ([v]) => v !== undefined && v !== null },
  not: { boolean: true, evaluate: ([v]) => v === false },
  booleanEquals: { boolean: true, evaluate: ([a, b]) => a === b },
  stringEquals: { boolean: true, evaluate: ([a, b]) => a === b },
  substring: {
    exported: "substring",
    evaluate: ([s, start, stop, reverse]) => substring(s, Number(start), Number(stop), reverse === true),
  },
  uriEncode: { exported: "uriEncode", evaluate: ([s]) => uriEncode(s) },
  parseURL: { exported: "parseURL", evaluate: ([s]) => parseURL(s) },
  isValidHostLabel: {
    exported: "isValidHostLabel",
    boolean: true,
    evaluate: ([s, sub]) => isValidHostLabel(s, sub === true),
  },
  "aws.partition": {
    exported: "awsPartition",
    evaluate: ([s], scope) =>
      scope.partitions === undefined
        ? awsPartition(s)
        : typeof s === "string"
          ? partitionOf(s, scope.partitions)
          : undefined,
  },
  "aws.parseArn": { exported: "parseArn", evaluate: ([s]) => parseArn(s) },
  "aws.isVirtualHostableS3Bucket": {
    exported: "isVirtualHostableS3Bucket",
    boolean: true,
    evaluate: ([s, sub]) => isVirtualHostableS3Bucket(s, sub === true),
  },
};

/** The function a call names; `getAttr` is not in the table, both evaluators inline it. */
export function ruleFunction(name: string): RuleFunction {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (fn) return fn;
  throw new EndpointError(
    "invalid-rule-set",
    `unknown function "${name}" in the rule set; expected one of ${Object.keys(FUNCTIONS).join(", ")}, getAttr`,
  );
}

/** A condition holds unless its value is `false` or unset (Smithy rules spec, "Conditions"). */
export function holds(value: Value): boolean {
  return value !== false && value !== undefined && value !== null;
}

/** A template's pieces: literal text, and `{Name}` / `{Name#path}` references. */
export type TemplatePart = string | { name: string; path: PathStep[] };

/**
 * Splits a template string: `{Name}` and `{Name#path}` are references, `{{` and `}}` literal
 * braces (Smithy rules spec, "Strings" / templates).
 */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{|\}\}|\{([^{}]+)\}/g)) {
    const index = match.index ?? 0;
    parts.push(template.slice(last, index));
    const inner = match[1];
    if (inner === undefined) parts.push(match[0][0] ?? "");
    else {
      const hash = inner.indexOf("#");
      parts.push(
        hash === -1
          ? { name: inner, path: [] }
          : { name: inner.slice(0, hash), path: parsePath(inner.slice(hash + 1)) },
      );
    }
    last = index + match[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((part) => part !== "");
}

/** A parameter of a rule set, with its type lower-cased (rule sets spell it both ways). */
export interface Parameter {
  name: string;
  type: "string" | "boolean" | "stringarray";
  required: boolean;
  fallback: string | boolean | string[] | undefined;
}

export function parametersOf(ruleSet: RuleSet): Parameter[] {
  if (!ruleSet || typeof ruleSet.parameters !== "object" || !Array.isArray(ruleSet.rules)) {
    throw new EndpointError(
      "invalid-rule-set",
      "the rule set needs `parameters` and `rules`; expected the contents of endpoint-rule-set-1.json",
    );
  }
  return Object.entries(ruleSet.parameters).map(([name, definition]) => {
    const type = definition.type.toLowerCase();
    if (type !== "string" && type !== "boolean" && type !== "stringarray") {
      throw new EndpointError("invalid-rule-set", `parameter ${name} has type "${definition.type}"`);
    }
    return { name, type, required: definition.required === true, fallback: definition.default };
  });
}

export function missingParameter(parameter: Parameter): EndpointError {
  return new EndpointError(
    "missing-parameter",
    `endpoint parameter ${parameter.name} is required; expected a ${parameter.type}`,
  );
}

export const NO_MATCH = "no endpoint rule matched the parameters";
/** A tree rule is terminal: once its conditions hold, no later sibling is tried. */
export const NO_MATCH_IN_TREE = "no endpoint rule matched the parameters inside a matching tree rule";
