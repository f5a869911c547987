import { errorCode, type ServiceModelJson } from "./model-json.js";
import { type ClientNames, header } from "./names.js";
import type { GenerateOptions } from "./options.js";
import type { ShapePlan } from "./plan-shapes.js";
import { camelCase, docComment, identifier, importLine, propertyKey } from "./source.js";
import { typeOf } from "./types-file.js";

// operations.generated.ts: per operation, its model slice and a function that calls it.

/** Whether the model marks the operation unsigned (`smithy.api#noAuth`, older `authtype: none`). */
export function isUnsigned(model: ServiceModelJson, name: string): boolean {
  const op = model.operations[name];
  return (op?.auth ?? []).includes("smithy.api#noAuth") || op?.authtype === "none";
}

/** The input and output types of an operation, and whether its input may be omitted. */
export function signature(model: ServiceModelJson, name: string) {
  const op = model.operations[name];
  const empty = "Record<string, never>";
  const input = op?.input ? typeOf(model.shapes, op.input.shape) : empty;
  const output = op?.output ? typeOf(model.shapes, op.output.shape) : empty;
  const optional = (model.shapes[op?.input?.shape ?? ""]?.required ?? []).length === 0;
  return { input, output, optional, types: [input, output].filter((type) => type !== empty) };
}

export function operationDoc(options: GenerateOptions, name: string): string[] {
  const summary =
    options.summaries?.[name] ?? `Calls the ${options.model.metadata.serviceId} \`${name}\` operation.`;
  return [summary, `@see ${options.docsUrl(name)}`];
}

function operationSource(
  options: GenerateOptions,
  names: ClientNames,
  plan: ShapePlan,
  name: string,
): string[] {
  const { model } = options;
  const op = model.operations[name]!;
  const slice = plan.slices[name]!;
  const { input, output, optional } = signature(model, name);
  const wrapper = op.output?.resultWrapper;
  const errors = (op.errors ?? []).map(
    (error) => `${propertyKey(errorCode(error.shape, model.shapes[error.shape]!))}: errors.${error.shape}`,
  );
  const shapes = slice.shapes.map((shape) => `${propertyKey(shape)}: shapes.${identifier(shape)}`);
  const fields = [
    `name: ${JSON.stringify(name)}`,
    "apiVersion: API_VERSION",
    `auth: ${isUnsigned(model, name) ? "undefined" : "sigv4"}`,
    slice.input && `input: ${JSON.stringify(slice.input)}`,
    slice.output && `output: ${JSON.stringify(slice.output)}`,
    wrapper && wrapper !== `${name}Result` && `resultWrapper: ${JSON.stringify(wrapper)}`,
    `errors: { ${errors.join(", ")} }`,
    `shapes: { ${shapes.join(", ")} }`,
  ].filter(Boolean);
  const call = `${camelCase(name)}(client: ${names.baseClient}, input: ${input}${optional ? " = {}" : ""}, options?: CallOptions)`;
  return [
    ...docComment(operationDoc(options, name)),
    `export const ${name}Operation: Operation<${input}, ${output}> = /* @__PURE__ */ defineOperation({ ${fields.join(", ")} });`,
    "",
    ...docComment([
      `Runs \`${name}Operation\` on a client; a bundle that calls only some operations carries only those.`,
      `@see ${options.docsUrl(name)}`,
    ]),
    `export function ${call}: Promise<WithMetadata<${output}>> {`,
    `  return client.send(${name}Operation, input, options);`,
    "}",
    "",
  ];
}

export function operationsFile(options: GenerateOptions, names: ClientNames, plan: ShapePlan): string {
  const { model } = options;
  const operations = Object.keys(model.operations);
  const types = new Set(operations.flatMap((name) => signature(model, name).types));
  const signed = operations.some((name) => !isUnsigned(model, name));
  const runtime = ["type CallOptions", "defineOperation", "type Operation", "type WithMetadata"];
  if (signed) runtime.push("sigv4");
  const lines = [
    header(options),
    "",
    importLine(runtime, names.runtime),
    `import type { ${names.baseClient} } from "./client.generated.js";`,
    `import * as errors from "./errors.generated.js";`,
    `import * as shapes from "./shapes.generated.js";`,
    importLine(
      [...types].map((type) => `type ${type}`),
      "./types.generated.js",
    ),
    "",
    `/** The API version of the model, sent as \`Version\` with every call. */`,
    `const API_VERSION = ${JSON.stringify(model.metadata.apiVersion)};`,
    "",
  ];
  for (const name of operations) lines.push(...operationSource(options, names, plan, name));
  return lines.join("\n");
}
