import { type EvaluationScope, ruleFunction, templateParts } from "./language.js";
import { getAttr, parsePath } from "./lib-core.js";
import type { Expression, FunctionCall, Value } from "./types.js";

/** Parameters and assigned names, plus the partitions `aws.partition` reads. */
export interface Scope extends EvaluationScope {
  values: Record<string, Value>;
}

export type Compiled = (scope: Scope) => Value;

const str = (v: Value): string => (typeof v === "string" ? v : "");

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
  const fn = ruleFunction(call.fn);
  const args = call.argv.map(compileExpression);
  return (scope) =>
    fn.evaluate(
      args.map((arg) => arg(scope)),
      scope,
    );
}

/** A template string with its references substituted (see `templateParts`). */
function compileTemplate(template: string): Compiled {
  const parts = templateParts(template);
  if (parts.every((part) => typeof part === "string")) {
    const text = parts.join("");
    return () => text;
  }
  return (scope) => {
    let out = "";
    for (const part of parts) {
      out += typeof part === "string" ? part : str(getAttr(scope.values[part.name], part.path));
    }
    return out;
  };
}
