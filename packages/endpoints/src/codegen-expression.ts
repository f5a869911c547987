import { EndpointError } from "./errors.js";
import { FUNCTIONS, ruleFunction, templateParts } from "./language.js";
import { type PathStep, parsePath } from "./lib-core.js";
import type { Expression, FunctionCall } from "./types.js";

// Expressions of a rule set as TypeScript source, for the compiler in codegen.ts.

/** Functions compiled to an operator rather than a call. */
const OPERATORS = new Set(["isSet", "not", "booleanEquals", "stringEquals"]);

function isCall(expr: Expression | undefined): expr is FunctionCall {
  return typeof expr === "object" && expr !== null && "fn" in expr && typeof expr.fn === "string";
}

/** Whether a call always yields a boolean, so a condition can test it as it is. */
export function returnsBoolean(call: FunctionCall): boolean {
  return FUNCTIONS[call.fn]?.boolean === true;
}

export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export interface Context {
  imports: Set<string>;
  /** Rule-set names (parameters and assigned names in scope) → the local variable holding them. */
  locals: Map<string, string>;
  /** Boolean parameters that always have a value (required or defaulted). */
  flags: Set<string>;
  /** Locals bound by a condition that held: never unset where they are read. */
  assigned: Set<string>;
}

export function invalid(what: string): EndpointError {
  return new EndpointError("invalid-rule-set", `cannot compile the rule set: ${what}`);
}

export function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function compileExpression(expr: Expression, context: Context): string {
  if (typeof expr === "string") return compileTemplate(expr, context);
  if (typeof expr !== "object" || expr === null) return JSON.stringify(expr);
  if (Array.isArray(expr)) return `[${expr.map((item) => compileExpression(item, context)).join(", ")}]`;
  if ("ref" in expr && typeof expr.ref === "string") return reference(expr.ref, context);
  if ("fn" in expr && typeof expr.fn === "string") return compileCall(expr as FunctionCall, context);
  const entries = Object.entries(expr).map(
    ([name, value]) => `${key(name)}: ${compileExpression(value, context)}`,
  );
  return entries.length ? `{ ${entries.join(", ")} }` : "{}";
}

function reference(name: string, context: Context): string {
  const local = context.locals.get(name);
  if (local === undefined) throw invalid(`"${name}" is neither a parameter nor an assigned name`);
  return local;
}

export function compileCall(call: FunctionCall, context: Context): string {
  // Comparisons and negations are parenthesized where they are another call's argument.
  const args = call.argv.map((arg) => {
    const code = compileExpression(arg, context);
    return isCall(arg) && OPERATORS.has(arg.fn) ? `(${code})` : code;
  });
  switch (call.fn) {
    case "isSet":
      return `${args[0]} != null`;
    case "not": {
      const [arg] = call.argv;
      if (isCall(arg) && arg.fn === "isSet")
        return `${compileExpression(arg.argv[0] as Expression, context)} == null`;
      return isCall(arg) && returnsBoolean(arg) ? `!${args[0]}` : `${args[0]} === false`;
    }
    case "booleanEquals": {
      // A flag that always holds a boolean is tested as it is (and TypeScript does not
      // reject `flag === true` after an earlier test narrowed it).
      const [a, b] = args;
      if (context.flags.has(a ?? "") && typeof call.argv[1] === "boolean")
        return call.argv[1] ? `${a}` : `!${a}`;
      if (context.flags.has(b ?? "") && typeof call.argv[0] === "boolean")
        return call.argv[0] ? `${b}` : `!${b}`;
      return `${a} === ${b}`;
    }
    case "stringEquals":
      return `${args[0]} === ${args[1]}`;
    case "getAttr": {
      const [target, path] = call.argv;
      if (target === undefined || typeof path !== "string") throw invalid("getAttr needs a value and a path");
      return attribute(compileExpression(target, context), parsePath(path), context);
    }
  }
  const exported = ruleFunction(call.fn).exported;
  if (exported === undefined) throw invalid(`function "${call.fn}" has no library export`);
  context.imports.add(exported);
  return `${exported}(${args.join(", ")})`;
}

/**
 * `getAttr` as optional chaining: a missing property or index yields unset. An assigned name
 * is never unset where it is read (its condition held), so its first step needs no `?.`.
 */
function attribute(target: string, path: PathStep[], context: Context): string {
  const steps = path.map((step, i) => {
    const dot = i === 0 && context.assigned.has(target) ? "" : "?.";
    if (typeof step === "number") return `${dot}[${step}]`;
    return IDENTIFIER.test(step) ? `${dot || "."}${step}` : `${dot}[${JSON.stringify(step)}]`;
  });
  return `${target}${steps.join("")}`;
}

/** A template (see `templateParts`) as a string literal or a template literal. */
function compileTemplate(template: string, context: Context): string {
  const parts = templateParts(template);
  if (parts.every((part) => typeof part === "string")) return JSON.stringify(parts.join(""));
  const literal = (text: string) => text.replace(/[\\`]|\$(?=\{)/g, (c) => `\\${c}`);
  const body = parts.map((part) => {
    if (typeof part === "string") return literal(part);
    return `\${${attribute(reference(part.name, context), part.path, context)}}`;
  });
  return `\`${body.join("")}\``;
}
