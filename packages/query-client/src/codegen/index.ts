import { compileRuleSet } from "@lanyard/endpoints/codegen";
import { clientFile } from "./client-file.js";
import { errorsFile } from "./errors-file.js";
import { clientNames, header } from "./names.js";
import { operationsFile } from "./operations-file.js";
import type { GenerateOptions } from "./options.js";
import { planShapes } from "./plan-shapes.js";
import { withSensitive } from "./sensitive-shapes.js";
import { serviceFile } from "./service-file.js";
import { shapesFile } from "./shapes-file.js";
import { typesFile } from "./types-file.js";

export type { ServiceModelJson } from "./model-json.js";
export type { GeneratedSetting, GenerateOptions, HelperMethod } from "./options.js";
export { jsPattern } from "./plan-shapes.js";

/** Drops documentation strings from an endpoint rule set; no evaluator reads them. */
function withoutDocumentation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDocumentation);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== "documentation") out[key] = withoutDocumentation(inner);
  }
  return out;
}

/**
 * Turns an awsQuery service model and its endpoint rule set into a client on the runtime:
 * file name → TypeScript source, for one folder (`src/generated/`). Format the files with the
 * repository's formatter after writing them; the sources are correct but not laid out.
 */
export function generateClient(given: GenerateOptions): Record<string, string> {
  const options = { ...given, model: withSensitive(given.model, given.sensitive) };
  const { model } = options;
  if (model.metadata.protocol !== undefined && model.metadata.protocol !== "query") {
    throw new Error(`codegen: ${model.metadata.serviceId} speaks ${model.metadata.protocol}, not awsQuery`);
  }
  const names = clientNames(options);
  const plan = planShapes(model);
  const ruleSet = withoutDocumentation(options.ruleSet) as GenerateOptions["ruleSet"];
  return {
    "client.generated.ts": clientFile(options, names),
    "endpoint-rules.generated.ts": compileRuleSet(ruleSet, { header: header(options, "ruleSet") }),
    "errors.generated.ts": errorsFile(options, names),
    "operations.generated.ts": operationsFile(options, names, plan),
    "service.generated.ts": serviceFile(options, names),
    "shapes.generated.ts": shapesFile(options, plan, names.runtime),
    "types.generated.ts": typesFile(options),
  };
}
