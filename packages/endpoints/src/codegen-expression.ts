import { EndpointError } from "./errors.js";
import { parsePath } from "./lib-core.js";
import type { Expression, FunctionCall } from "./types.js";

// Expressions of a rule set as TypeScript source, for the compiler in codegen.ts.

/** Functions whose result is always a boolean, so a condition can use them as they are. */
export const BOOLEAN_FUNCTIONS = new Set([
  "isSet",
  "not",
  "booleanEquals",
  "stringEquals",
  "isValidHostLabel",
  "aws.isVirtualHostableS3Bucket",
]);

/** Functions compiled to an operator rather than a call. */
const OPERATORS = new Set(["isSet", "not", "booleanEquals", "stringEquals"]);

function isCall(expr: Expression | undefined): expr is FunctionCall {
  return typeof expr === "object" && expr !== null && "fn" in expr && typeof expr.fn === "string";
}

/** Rule-set functions that are calls into the library: rule-set name → exported function. */
export const LIBRARY: Record<string, string> = {
  substring: "substring",
  uriEncode: "uriEncode",
  parseURL: "parseURL",
  isValidHostLabel: "isValidHostLabel",
  "aws.partition": "awsPartition",
  "aws.parseArn": "parseArn",
  "aws.isVirtualHostableS3Bucket": "isVirtualHostableS3Bucket",
};

export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export interface Context {
  imports: Set<string>;
  /** Rule-set names (parameters and assigned names) → the local variable holding them. */
  locals: Map<string, string>;
  /** Boolean parameters that always have a value (required or defaulted). */
  flags: Set<string>;
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
      return isCall(arg) && BOOLEAN_FUNCTIONS.has(arg.fn) ? `!${args[0]}` : `${args[0]} === false`;
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
      return attribute(compileExpression(target, context), path, context);
    }
  }
  const name = LIBRARY[call.fn];
  if (!name) throw invalid(`unknown function "${call.fn}"`);
  context.imports.add(name);
  return `${name}(${args.join(", ")})`;
}

/**
 * `getAttr` as optional chaining: a missing property or index yields unset. An assigned name
 * is never unset where it is read (its condition held), so its first step needs no `?.`.
 */
function attribute(target: string, path: string, context: Context): string {
  const steps = parsePath(path).map((step, i) => {
    const dot = i === 0 && context.assigned.has(target) ? "" : "?.";
    if (typeof step === "number") return `${dot}[${step}]`;
    return IDENTIFIER.test(step) ? `${dot || "."}${step}` : `${dot}[${JSON.stringify(step)}]`;
  });
  return `${target}${steps.join("")}`;
}

/** `{Name}` and `{Name#path}` become template substitutions; `{{` and `}}` are literal braces. */
function compileTemplate(template: string, context: Context): string {
  if (!template.includes("{") && !template.includes("}")) return JSON.stringify(template);
  let out = "";
  let last = 0;
  const literal = (text: string) => text.replace(/[\\`]|\$(?=\{)/g, (c) => `\\${c}`);
  for (const match of template.matchAll(/\{\{|\}\}|\{([^{}]+)\}/g)) {
    const index = match.index ?? 0;
    out += literal(template.slice(last, index));
    const inner = match[1];
    if (inner === undefined) out += literal(match[0][0] ?? "");
    else {
      const hash = inner.indexOf("#");
      const value =
        hash === -1
          ? reference(inner, context)
          : attribute(reference(inner.slice(0, hash), context), inner.slice(hash + 1), context);
      out += `\${${value}}`;
    }
    last = index + match[0].length;
  }
  return `\`${out}${literal(template.slice(last))}\``;
}
