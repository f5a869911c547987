import { errorCode, isErrorShape } from "./model-json.js";
import { type ClientNames, header } from "./names.js";
import type { GenerateOptions } from "./options.js";
import { docComment, literal } from "./source.js";

// errors.generated.ts: the service's error base class and one class per modeled error.

export function errorsFile(options: GenerateOptions, names: ClientNames): string {
  const { model } = options;
  const lines = [
    header(options),
    "",
    `import { ServiceError } from "${names.runtime}";`,
    "",
    ...docComment([
      `An error ${names.serviceId} answered: the base of its modeled errors, and the class of any other`,
      "code (whose `code` is the wire code).",
    ]),
    `export class ${names.serviceError} extends ServiceError {`,
    `  override name = ${JSON.stringify(names.serviceError)};`,
    "}",
    "",
  ];
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (!isErrorShape(shape)) continue;
    const code = errorCode(name, shape);
    const status = shape.error?.httpStatusCode ?? 400;
    const retryable = options.retryable?.[name] ?? shape.retryable;
    lines.push(
      ...docComment([`${names.serviceId} answered with error code \`${code}\` (HTTP ${status}).`]),
      `export class ${name} extends ${names.serviceError} {`,
      `  override readonly name: string = ${JSON.stringify(name)};`,
      `  override readonly code: string = ${JSON.stringify(code)};`,
    );
    if (retryable !== undefined) lines.push(`  override readonly $retryable = ${literal(retryable)};`);
    lines.push("}", "");
  }
  return lines.join("\n");
}
