import { type Compiled, compileExpression, type Scope } from "./compile-expression.js";
import { EndpointError } from "./errors.js";
import { holds, NO_MATCH_IN_TREE } from "./language.js";
import type { Condition, EndpointDefinition, ResolvedEndpoint, Rule } from "./types.js";

/** A compiled rule: the endpoint it resolves to, or undefined when its conditions fail. */
export type CompiledRule = (scope: Scope) => ResolvedEndpoint | undefined;

/**
 * Compiles rules so that the first rule whose conditions all hold decides: an endpoint,
 * an error, or a tree whose own rules decide (Smithy rules spec, "Rules").
 */
export function compileRules(rules: Rule[]): CompiledRule {
  const compiled = rules.map(compileRule);
  return (scope) => {
    for (const rule of compiled) {
      const result = rule(scope);
      if (result) return result;
    }
    return undefined;
  };
}

function compileRule(rule: Rule): CompiledRule {
  const conditions = compileConditions(rule.conditions ?? []);
  const body = compileBody(rule);
  return (scope) => (conditions(scope) ? body(scope) : undefined);
}

/**
 * An `assign` binds a condition's value for the later conditions and the rule's body. Names
 * are bound in the one scope of the resolution: the spec forbids shadowing, so a binding left
 * by a failed sibling is never read.
 */
function compileConditions(conditions: Condition[]): (scope: Scope) => boolean {
  const compiled = conditions.map((c) => [compileExpression({ fn: c.fn, argv: c.argv }), c.assign] as const);
  return (scope) => {
    for (const [fn, assign] of compiled) {
      const value = fn(scope);
      if (!holds(value)) return false;
      if (assign !== undefined) scope.values[assign] = value;
    }
    return true;
  };
}

function compileBody(rule: Rule): CompiledRule {
  switch (rule.type) {
    case "endpoint":
      return compileEndpoint(rule.endpoint);
    case "error": {
      const message = compileExpression(rule.error);
      return (scope) => {
        throw new EndpointError("rule-error", String(message(scope)));
      };
    }
    case "tree": {
      const inner = compileRules(rule.rules);
      return (scope) => {
        const result = inner(scope);
        if (result) return result;
        throw new EndpointError("no-match", NO_MATCH_IN_TREE);
      };
    }
    default:
      throw new EndpointError(
        "invalid-rule-set",
        `unknown rule type "${(rule as { type: unknown }).type}"; expected endpoint, error or tree`,
      );
  }
}

function compileEndpoint(endpoint: EndpointDefinition): CompiledRule {
  const url = compileExpression(endpoint.url);
  const properties = compileExpression(endpoint.properties ?? {});
  const headers = Object.entries(endpoint.headers ?? {}).map(
    ([name, values]) => [name, values.map(compileExpression)] as [string, Compiled[]],
  );
  return (scope) => {
    const out: Record<string, string[]> = {};
    for (const [name, values] of headers) out[name] = values.map((value) => String(value(scope)));
    return {
      url: String(url(scope)),
      properties: properties(scope) as Record<string, unknown>,
      headers: out,
    };
  };
}
