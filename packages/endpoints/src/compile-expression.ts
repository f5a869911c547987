import { EndpointError } from "./errors.js";
import { isVirtualHostableS3Bucket, parseArn, partitionOf } from "./lib-aws.js";
import {
  getAttr,
  isValidHostLabel,
  type PathStep,
  parsePath,
  parseURL,
  substring,
  uriEncode,
} from "./lib-core.js";
import type { Expression, FunctionCall, PartitionsData, Value } from "./types.js";

/** Parameters and assigned names, plus the partitions `aws.partition` reads. */
export interface Scope {
  values: Record<string, Value>;
  partitions: PartitionsData;
}

export type Compiled = (scope: Scope) => Value;

type Library = Record<string, (args: Value[], scope: Scope) => Value>;

const str = (v: Value): string => (typeof v === "string" ? v : "");

/** The standard library (Smithy rules spec, "Functions") and the AWS extensions. */
const library: Library = {
  isSet: ([v]) => v !== undefined && v !== null,
  not: ([v]) => v === false,
  booleanEquals: ([a, b]) => a === b,
  stringEquals: ([a, b]) => a === b,
  substring: ([s, start, stop, rev]) => substring(s, Number(start), Number(stop), rev === true),
  uriEncode: ([s]) => uriEncode(s),
  parseURL: ([s]) => parseURL(s),
  isValidHostLabel: ([s, sub]) => isValidHostLabel(s, sub === true),
  "aws.partition": ([s], scope) => (typeof s === "string" ? partitionOf(s, scope.partitions) : undefined),
  "aws.parseArn": ([s]) => parseArn(s),
  "aws.isVirtualHostableS3Bucket": ([s, sub]) => isVirtualHostableS3Bucket(s, sub === true),
};

/** Compiles an expression once into a closure, so resolving is a walk with no parsing. */
export function compileExpression(expr: Expression): Compiled {
  if (typeof expr === "string") return compileTemplate(expr);
  if (typeof expr !== "object" || expr === null) return () => expr;
  if (Array.isArray(expr)) {
    const items = expr.map(compileExpression);
    return (scope) => items.map((item) => item(scope));
  }
  if ("ref" in expr && typeof expr.ref === "string") {
    const name = expr.ref;
    return (scope) => scope.values[name];
  }
  if ("fn" in expr && typeof expr.fn === "string") return compileCall(expr as FunctionCall);
  const entries = Object.entries(expr).map(([key, value]) => [key, compileExpression(value)] as const);
  return (scope) => {
    const out: Record<string, Value> = {};
    for (const [key, value] of entries) out[key] = value(scope);
    return out;
  };
}

function compileCall(call: FunctionCall): Compiled {
  const [target, path] = call.argv;
  if (call.fn === "getAttr" && typeof path === "string" && target !== undefined) {
    const source = compileExpression(target);
    const steps = parsePath(path);
    return (scope) => getAttr(source(scope), steps);
  }
  const fn = library[call.fn];
  if (!fn) {
    throw new EndpointError(
      "invalid-rule-set",
      `unknown function "${call.fn}" in the rule set; expected one of ${Object.keys(library).join(", ")}, getAttr`,
    );
  }
  const args = call.argv.map(compileExpression);
  return (scope) =>
    fn(
      args.map((arg) => arg(scope)),
      scope,
    );
}

/**
 * Compiles a template string: `{Name}` and `{Name#path}` are replaced, `{{` and `}}`
 * are literal braces (Smithy rules spec, "Strings" / templates).
 */
export function compileTemplate(template: string): Compiled {
  if (!template.includes("{") && !template.includes("}")) return () => template;
  const parts: (string | [string, PathStep[]])[] = [];
  const pattern = /\{\{|\}\}|\{([^{}]+)\}/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    const index = match.index ?? 0;
    parts.push(template.slice(last, index));
    const inner = match[1];
    if (inner === undefined) parts.push(match[0][0] ?? "");
    else {
      const hash = inner.indexOf("#");
      parts.push(hash === -1 ? [inner, []] : [inner.slice(0, hash), parsePath(inner.slice(hash + 1))]);
    }
    last = index + match[0].length;
  }
  parts.push(template.slice(last));
  return (scope) => {
    let out = "";
    for (const part of parts) {
      out += typeof part === "string" ? part : str(getAttr(scope.values[part[0]], part[1]));
    }
    return out;
  };
}
