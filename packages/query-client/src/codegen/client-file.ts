import { type ClientNames, header } from "./names.js";
import { operationDoc, signature } from "./operations-file.js";
import type { GenerateOptions } from "./options.js";
import { camelCase, docComment, importLine } from "./source.js";

// client.generated.ts: the base client (the pipeline bound to the service) and the client
// with one method per operation.

function methodSource(options: GenerateOptions, name: string): string[] {
  const { input, output, optional } = signature(options.model, name);
  return [
    ...docComment(operationDoc(options, name), "  "),
    `  ${camelCase(name)}(input: ${input}${optional ? " = {}" : ""}, options?: CallOptions): Promise<WithMetadata<${output}>> {`,
    `    return this.send(operations.${name}Operation, input, options);`,
    "  }",
    "",
  ];
}

function helperSource(helper: NonNullable<GenerateOptions["helpers"]>[number]): string[] {
  const parameters = helper.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`);
  const args = ["this", ...helper.parameters.map((p) => p.name)];
  return [
    ...docComment([helper.doc], "  "),
    `  ${helper.name}(${parameters.join(", ")}): ${helper.returns} {`,
    `    return ${helper.name}(${args.join(", ")});`,
    "  }",
    "",
  ];
}

export function clientFile(options: GenerateOptions, names: ClientNames): string {
  const { model } = options;
  const operations = Object.keys(model.operations);
  const types = new Set(operations.flatMap((name) => signature(model, name).types));
  const helpers = options.helpers ?? [];
  const lines = [
    header(options),
    "",
    importLine(["type CallOptions", "QueryClient", "type WithMetadata"], names.runtime),
    ...helpers.map((helper) =>
      importLine([helper.name, ...helper.types.map((t) => `type ${t}`)], helper.from),
    ),
    `import * as operations from "./operations.generated.js";`,
    importLine([names.service, `type ${names.config}`], "./service.generated.js"),
    importLine(
      [...types].map((type) => `type ${type}`),
      "./types.generated.js",
    ),
    "",
    ...docComment([
      `A ${names.serviceId} client without methods: the per-operation functions take it`,
      `(\`${camelCase(operations[0] ?? "")}(client, input)\`, …), so a bundle carries only the operations it calls.`,
    ]),
    `export class ${names.baseClient} extends QueryClient<${names.config}> {`,
    `  constructor(config: ${names.config} = {}) {`,
    `    super(${names.service}, config);`,
    "  }",
    "}",
    "",
    ...docComment([`A ${names.serviceId} client with one method per operation of the model.`]),
    `export class ${names.client} extends ${names.baseClient} {`,
  ];
  for (const name of operations) lines.push(...methodSource(options, name));
  for (const helper of helpers) lines.push(...helperSource(helper));
  return `${lines.join("\n").trimEnd()}\n}\n`;
}
